package org.humiao.screening;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A context that changes what a harm word means (news, a legal question, prevention, asking for
 * help, counter-speech, telling how one refused a scam): where its regex matches, evidence of its
 * categories that its {@link Scope} covers is lowered to {@code severity} (0 drops it);
 * {@link Category#TOXICITY} among the categories keeps the model from flagging. Like a
 * {@link ContextRule} it runs only when the automaton saw one of its cues.
 */
public record Mitigation(String id, Set<Category> categories, int severity, Scope scope, List<String> cues,
    Pattern pattern) {
  /** Which evidence of its categories a matching mitigation lowers. */
  public enum Scope {
    /** Evidence from a {@code topic} term anywhere in the text, and any evidence inside the match. */
    TOPIC,
    /**
     * All of it: the context (我没理他并告诉了老师) says what the whole text is, except in a clause spoken
     * to 你/您 that no match reaches (已举报这个号又怎么样，放学我弄死你): there bullying (insult, threat,
     * exclusion, defamation, discrimination) is not lowered, nor, for {@link Category#TOXICITY}, the
     * model's tone muted.
     */
    TEXT,
    /**
     * Evidence inside a match only, as a word named, not thrown (别再叫他死胖子了, 叫同学死胖子是不对的): a
     * reproving frame around an insult, like quotation marks, says the word is talked about. Not where 你/您
     * stands in the finding's clause at or after where the match opens (别叫了你个傻逼): that word is thrown at
     * the reader; 你 before the frame (你不应该叫他矮冬瓜) is the one reproved, and 你 right after a naming verb
     * (他骂你“废物”是他没素质) the one a reported word was thrown at.
     */
    NAMED
  }

  public Mitigation {
    categories = Set.copyOf(categories);
    cues = List.copyOf(cues);
  }
}
