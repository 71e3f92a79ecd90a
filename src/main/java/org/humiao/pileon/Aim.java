package org.humiao.pileon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Whom one screened message is aimed at, and by whom: the target replied to and the users
 * @-mentioned (each once, the reply's target first), the author and his relation to them.
 *
 * @param author the platform's id of the author; null when the request named none
 * @param relation null when the platform did not say
 * @param dataId the platform's id of the message; may be null
 */
public record Aim(String platform, List<String> targets, String author, Relation relation, String dataId) {
  public Aim {
    Objects.requireNonNull(platform, "platform");
    targets = List.copyOf(new LinkedHashSet<>(targets));
  }

  public static Builder builder(String platform) {
    return new Builder(platform);
  }

  /** Builds an {@link Aim}; targets, author, relation and dataId are optional. */
  public static final class Builder {
    private final String platform;
    private final List<String> targets = new ArrayList<>();
    private String author;
    private Relation relation;
    private String dataId;

    private Builder(String platform) {
      this.platform = platform;
    }

    /** Adds a target; a null one (a request naming none) is left out. */
    public Builder target(String target) {
      if (target != null) {
        targets.add(target);
      }
      return this;
    }

    public Builder targets(List<String> more) {
      more.forEach(this::target);
      return this;
    }

    public Builder author(String author) {
      this.author = author;
      return this;
    }

    public Builder relation(Relation relation) {
      this.relation = relation;
      return this;
    }

    public Builder dataId(String dataId) {
      this.dataId = dataId;
      return this;
    }

    public Aim build() {
      return new Aim(platform, targets, author, relation, dataId);
    }
  }
}
