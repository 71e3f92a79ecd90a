package org.humiao.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering as rules: {@code server} wires, {@code http} carries requests, and the
 * deciding packages ({@code screening}, {@code moderation}, {@code minor}, {@code events}) never
 * import upward; so a move that breaks the layering fails the build rather than a review.
 */
@AnalyzeClasses(packages = "org.humiao", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  /** The rules see the whole service: an import that found little would let every rule pass unchecked. */
  @org.junit.jupiter.api.Test
  void theRulesReadEveryPackage() {
    JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
        .importPackages("org.humiao");
    for (String p : new String[] {"server", "http.screen", "http.minor", "http.regulator", "http.guard", "screening",
        "screening.semantic", "screening.semantic.admission", "screening.segments", "moderation.strategy", "minor", "events", "moderation.review", "http.review", "pileon",
        "http.targets", "moderation.lists", "http.lists", "regions",
        "cases", "http.cases", "http.strategies", "compliance", "http.compliance", "http.console", "privacy", "http.privacy", "callbacks", "http.callbacks"}) {
      assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals("org.humiao." + p)), "no class of " + p);
    }
  }

  /** One Redis client per instance: every Redis-backed store borrows the pool of server's SharedRedisClient. */
  @ArchTest
  static final ArchRule onlyTheSharedClientOpensRedis = noClasses()
      .that().doNotHaveFullyQualifiedName("org.humiao.server.SharedRedisClient")
      .should().callMethod(Redis.class, "createClient", Vertx.class, RedisOptions.class)
      .orShould().callMethod(Redis.class, "createClient", Vertx.class, String.class)
      .orShould().callMethod(Redis.class, "createClient", Vertx.class);

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.humiao.(**)")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule decidingPackagesNeverImportTheService = noClasses()
      .that().resideInAnyPackage("org.humiao.screening..", "org.humiao.moderation..", "org.humiao.minor..",
          "org.humiao.events..", "org.humiao.durable..", "org.humiao.identity..", "org.humiao.keys..",
          "org.humiao.config..", "org.humiao.pileon..",
          "org.humiao.regions..", "org.humiao.cases..", "org.humiao.compliance..", "org.humiao.privacy..", "org.humiao.callbacks..")
      .should().dependOnClassesThat().resideInAnyPackage("org.humiao.http..", "org.humiao.server..", "org.humiao.cli..");

  @ArchTest
  static final ArchRule httpFeaturesDoNotDependOnEachOther = slices()
      .matching("org.humiao.http.(screen|minor|regulator|review|targets|lists|cases|strategies|compliance|console|docs|privacy|callbacks)..")
      .should().notDependOnEachOther();

  @ArchTest
  static final ArchRule httpPlumbingKnowsNoFeatureNorGuard = noClasses()
      .that().resideInAPackage("org.humiao.http")
      .should().dependOnClassesThat().resideInAnyPackage("org.humiao.http.guard..", "org.humiao.http.screen..",
          "org.humiao.http.minor..", "org.humiao.http.regulator..", "org.humiao.http.review..", "org.humiao.http.targets..", "org.humiao.http.lists..", "org.humiao.http.cases..", "org.humiao.http.strategies..", "org.humiao.http.compliance..", "org.humiao.http.privacy..", "org.humiao.http.callbacks..", "org.humiao.http.console..", "org.humiao.http.docs..", "org.humiao.server..",
          "org.humiao.cli..");

  @ArchTest
  static final ArchRule guardsKnowNoFeature = noClasses()
      .that().resideInAPackage("org.humiao.http.guard..")
      .should().dependOnClassesThat().resideInAnyPackage("org.humiao.http.screen..", "org.humiao.http.minor..",
          "org.humiao.http.regulator..", "org.humiao.http.review..", "org.humiao.http.targets..", "org.humiao.http.lists..", "org.humiao.http.cases..", "org.humiao.http.strategies..", "org.humiao.http.compliance..", "org.humiao.http.privacy..", "org.humiao.http.callbacks..", "org.humiao.http.console..", "org.humiao.http.docs..", "org.humiao.server..", "org.humiao.cli..");

  @ArchTest
  static final ArchRule httpNeverImportsTheWiring = noClasses()
      .that().resideInAPackage("org.humiao.http..")
      .should().dependOnClassesThat().resideInAnyPackage("org.humiao.server..", "org.humiao.cli..");

  @ArchTest
  static final ArchRule onlyTheCommandsStartTheServer = noClasses()
      .that().resideOutsideOfPackages("org.humiao.server..", "org.humiao.cli..")
      .should().dependOnClassesThat().resideInAPackage("org.humiao.server..");
}
