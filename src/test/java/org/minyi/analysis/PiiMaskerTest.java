package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specification table for PII masking. Valid ID numbers are the examples of GB 11643 (11010519491231002X,
 * 440524188001010014) and others whose check character was computed by hand; card numbers are Luhn-completed.
 */
class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    static Stream<Arguments> personalData() {
        return Stream.of(
                // mobile numbers
                Arguments.of("我的电话13812345678，请回电", "我的电话【手机号】，请回电"),
                Arguments.of("手机：138 1234 5678", "手机：【手机号】"),
                Arguments.of("手机：138-1234-5678。", "手机：【手机号】。"),
                Arguments.of("+86 13912345678", "【手机号】"),
                Arguments.of("+86-139-1234-5678", "【手机号】"),
                Arguments.of("拨8613912345678联系", "拨【手机号】联系"),
                Arguments.of("号码是19912345678和15012345678", "号码是【手机号】和【手机号】"),
                // landlines
                Arguments.of("办公室0731-84567890", "办公室【电话】"),
                Arguments.of("请拨(0731)84567890", "请拨【电话】"),
                Arguments.of("（0914）2345678", "【电话】"),
                Arguments.of("0914-2345678转8001找张科长", "【电话】找张科长"),
                Arguments.of("020 87654321", "【电话】"),
                Arguments.of("联系电话：84567890", "联系电话：【电话】"),
                Arguments.of("座机 2345678，白天有人", "座机 【电话】，白天有人"),
                Arguments.of("Tel: 87654321", "Tel: 【电话】"),
                // resident ID numbers
                Arguments.of("身份证号11010519491231002X。", "身份证号【身份证号】。"),
                Arguments.of("身份证号11010519491231002x", "身份证号【身份证号】"),
                Arguments.of("440524188001010014是他的", "【身份证号】是他的"),
                Arguments.of("证件430102198503071236", "证件【身份证号】"),
                Arguments.of("老身份证430102850307123", "老身份证【身份证号】"),
                // bank cards
                Arguments.of("卡号6222020200001234562", "卡号【银行卡号】"),
                Arguments.of("卡号 6222 0202 0000 1234 562 农行", "卡号 【银行卡号】 农行"),
                Arguments.of("6228-4800-1234-5671", "【银行卡号】"),
                Arguments.of("4111111111111111", "【银行卡号】"),
                // e-mail, also when the data set already starred the local part
                Arguments.of("邮箱：zhang.san@gov.cn，谢谢", "邮箱：【邮箱】，谢谢"),
                Arguments.of("邮箱：ing*****************@qq.com2018年8月16日", "邮箱：【邮箱】2018年8月16日"),
                Arguments.of("a_b-c+1@mail.sl.gov.cn", "【邮箱】"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("personalData")
    void masksPersonalData(String raw, String masked) {
        assertEquals(masked, masker.mask(raw));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "留言编号 188006",
            "留言编号188006的回复",
            "2019/2/28 11:25:05",
            "2018年8月16日",
            "2019-02-28",
            "交纳了8万元的社会抚养费94256元",
            "冻结了我所有的银行帐户中的4万多元",
            "赔偿13800000000元",
            "A3区联丰路米兰春天G2栋320室",
            "从2013年、2015年至2018年",
            "拨打12345热线",
            "订单号20190228112505",
            "订单号20190228112505123",
            "流水号1234567890123456",
            "卡号6222020200001234563",
            "证号110105194912310021",
            "旧证号430102851307123",
            "联系了3次，花了2000000元",
            "电话费120元",
            "身高175cm，体重70kg，价格1999.99元",
            "面积128.5平方米，总价1560000元",
            "0.5元一度电",
    })
    void leavesWhatIsNotPersonalData(String text) {
        assertEquals(text, masker.mask(text));
    }

    @Test
    void maskingIsIdempotent() {
        String once = masker.mask("电话13812345678，邮箱a@b.cn，卡6222020200001234562");
        assertEquals(once, masker.mask(once));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertNull(masker.mask(null));
        assertEquals("", masker.mask(""));
    }

    @Test
    void idCheckCharacterFollowsIso7064() {
        assertTrue(PiiMasker.isResidentId("11010519491231002X"));
        assertFalse(PiiMasker.isResidentId("110105194912310021"), "wrong check character");
        assertFalse(PiiMasker.isResidentId("110105194913310020"), "month 13");
        assertTrue(PiiMasker.isResidentId("430102850307123"), "15-digit ID with valid birth date 1985-03-07");
        assertFalse(PiiMasker.isResidentId("430102850230123"), "15-digit ID born on 30 February");
    }

    @Test
    void cardNumbersNeedTheLuhnCheckAndCardLength() {
        assertTrue(PiiMasker.isLuhnValid("4111111111111111"));
        assertFalse(PiiMasker.isLuhnValid("4111111111111112"));
        assertFalse(PiiMasker.isLuhnValid("411111111111111"), "15 digits is too short for a bank card");
    }
}
