package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message's point is thanks or praise (labelling guide A4: "positive needs the thanks or praise to be the
 * point"), read from its wording alone. Citizens close most complaints with 谢谢 or open them with 感谢领导, so a
 * thanks word is no evidence by itself: a letter counts as thanks only when
 * <ul>
 *   <li>it opens with thanks or praise, or praises anywhere (点赞, 表扬, 辛苦了, 感激…), and</li>
 *   <li>it holds at least two such signals (an opening, a praise word, a closing thanks), and</li>
 *   <li>it holds no request or question (希望, 请, 尽快, 能否, 为什么, ？…), no turn (但, 却, 可是…) and no sign of
 *       a harm that goes on (投诉, 至今, 仍然, 多次, 无人, 拖欠, 严重…).</li>
 * </ul>
 * A problem that was solved may be named (the letter thanks someone for solving it); one that is still there comes
 * with a request, a turn or a persisting-harm cue, and the letter is then not read as thanks. The cue lists were
 * written from the labelling guide and the examples, not fitted to data; whether a model should follow this
 * reading is decided by cross-validation ({@code minyi train distil}).
 */
public final class LetterOfThanks {

    /** Thanks or praise as a letter's first words (after its title, if any, and any salutation punctuation). */
    private static final Pattern OPENING = Pattern.compile(
            "^[\\s\\p{Punct}，。！、“”]*(衷心|真诚|诚挚|非常|十分|特别|万分|由衷)?(地)?(感谢|谢谢|感激|表扬|点赞|致谢|为.{1,20}点赞)");

    private static final List<String> PRAISE = List.of("点赞", "表扬", "辛苦了", "感激", "锦旗", "致敬", "赞扬",
            "称赞", "好评", "衷心感谢", "非常感谢", "十分感谢", "万分感谢", "特别感谢", "由衷感谢", "真诚感谢",
            "谢谢你们", "谢谢您们", "感谢你们", "感谢您们");

    private static final Pattern CLOSING = Pattern.compile("(感谢|谢谢)[^。！!，,]{0,12}[。！!]*\\s*$");

    /** Asks: a letter that still wants something done or answered is not a letter of thanks. */
    private static final Pattern ASKS = Pattern.compile("希望|恳请|请求|要求|(?<![申邀聘])请|督促|尽快|尽早|早日|能否|可否"
            + "|是否|何时|什么时候|怎么|如何|为什么|为何|建议|呼吁|恳求|盼|[？?]|吗");

    /** A turn after the courtesy: thanks, but… */
    private static final Pattern TURNS = Pattern.compile("但|却|可是|然而|不过|只是");

    /** A harm that goes on or a grievance about an office. */
    private static final Pattern PERSISTING = Pattern.compile("投诉|举报|不作为|推诿|敷衍|拖欠|扰民|至今|仍然|仍旧|依然"
            + "|依旧|还是没|还没|迟迟|无人|没人|多次|一直|不满|愤怒|气愤|无奈|失望|违法|违规|违建|欺骗|骗|严重|隐患|危险"
            + "|无法|不能|未解决|没有解决|得不到|反而|强行|乱收费");

    private LetterOfThanks() {
    }

    /** True when thanks or praise is the text's point (see the class comment). */
    public static boolean isThanks(String text) {
        return read(text).thanks();
    }

    /** What was found, so a decision can be explained. */
    public record Reading(boolean opening, List<String> praise, boolean closing, List<String> blockers) {

        int signals() {
            return (opening ? 1 : 0) + praise.size() + (closing ? 1 : 0);
        }

        public boolean thanks() {
            return (opening || !praise.isEmpty()) && signals() >= 2 && blockers.isEmpty();
        }
    }

    public static Reading read(String text) {
        String t = text == null ? "" : text.strip();
        List<String> praise = new ArrayList<>();
        for (String cue : PRAISE) {
            if (t.contains(cue)) {
                praise.add(cue);
            }
        }
        List<String> blockers = new ArrayList<>();
        for (Pattern p : List.of(ASKS, TURNS, PERSISTING)) {
            Matcher m = p.matcher(t);
            while (m.find()) {
                blockers.add(m.group());
            }
        }
        return new Reading(OPENING.matcher(t).find(), List.copyOf(praise), CLOSING.matcher(t).find(),
                List.copyOf(blockers));
    }
}
