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
                Arguments.of("a_b-c+1@mail.sl.gov.cn", "【邮箱】"),
                // full-width and other-script digits, full-width ＠ (NFKC before matching)
                Arguments.of("电话１３８１２３４５６７８，谢谢", "电话【手机号】，谢谢"),
                Arguments.of("座机０９１２－２３４５６７８", "座机【电话】"),
                Arguments.of("（０９１４）２３４５６７８", "【电话】"),
                Arguments.of("身份证１１０１０５１９４９１２３１００２Ｘ", "身份证【身份证号】"),
                Arguments.of("手机\uD835\uDFCF\uD835\uDFD1\uD835\uDFD6\uD835\uDFCF\uD835\uDFD0\uD835\uDFD1"
                        + "\uD835\uDFD2\uD835\uDFD3\uD835\uDFD4\uD835\uDFD5\uD835\uDFD6", "手机【手机号】"),
                Arguments.of("手机١٣٨١٢٣٤٥٦٧٨", "手机【手机号】"),
                Arguments.of("邮箱ｚｈａｎｇ＠ｇｏｖ．ｃｎ", "邮箱【邮箱】"),
                Arguments.of("zhang﹫gov.cn", "【邮箱】"),
                // numbers split by dots, spaces, dashes or invisible characters, grouped any way
                Arguments.of("电话138.1234.5678", "电话【手机号】"),
                Arguments.of("电话1381 2345 678。", "电话【手机号】。"),
                Arguments.of("1 3 8 1 2 3 4 5 6 7 8", "【手机号】"),
                Arguments.of("138\u200B1234\u200B5678", "【手机号】"),
                Arguments.of("138·1234·5678", "【手机号】"),
                Arguments.of("+86 138.1234.5678", "【手机号】"),
                Arguments.of("身份证110101 19900307 4514", "身份证【身份证号】"),
                Arguments.of("110101-19900307-4514号", "【身份证号】号"),
                Arguments.of("110101 19900307 4514 13812345678", "【身份证号】 【手机号】"),
                Arguments.of("卡号6222.0202.0000.1234.562", "卡号【银行卡号】"),
                Arguments.of("区号0914 234 5678", "区号【电话】"),
                // followed by 元, 万, 亿 or 块 but not a round sum: 元旦, 万一 …
                Arguments.of("电话13812345678元旦后打", "电话【手机号】元旦后打"),
                Arguments.of("我13812345678万一打不通", "我【手机号】万一打不通"),
                Arguments.of("0731-84567890元", "【电话】元"),
                // internationalised addresses
                Arguments.of("邮箱：张三@例子.中国，谢谢", "邮箱：【邮箱】，谢谢"),
                Arguments.of("写信给user@münchen.de吧", "写信给【邮箱】吧"),
                Arguments.of("发到zhang@gov.cn谢谢", "发到【邮箱】谢谢"),
                // policy: after a cue word a number failing its check is masked all the same
                Arguments.of("身份证号110105194912310021", "身份证号【身份证号】"),
                Arguments.of("身份证：110105194913310020", "身份证：【身份证号】"),
                Arguments.of("证件号码 430102851307123", "证件号码 【身份证号】"),
                Arguments.of("卡号6222020200001234563", "卡号【银行卡号】"),
                Arguments.of("银行卡 1234 5678 9012 3456", "银行卡 【银行卡号】"),
                Arguments.of("账号：6222 0202 0000 1234 563，户名张三", "账号：【银行卡号】，户名张三"));
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
            "单号6222020200001234563",
            "证号110105194912310021",
            "旧证号430102851307123",
            "联系了3次，花了2000000元",
            "电话费120元",
            "身高175cm，体重70kg，价格1999.99元",
            "面积128.5平方米，总价1560000元",
            "0.5元一度电",
            "2019.03.04 13:45:05",
            "2019-02-28 11:25:05 回复",
            "价格分别为1.3 1.5 1.8 2.1 2.4 3.5元",
            "编号 0228 1125 051",
            "共计１３８００００００００元",
            "回复@李四.我觉得可以",
            "@张三 你好",
            "2019年第13 14 15 16期",
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
