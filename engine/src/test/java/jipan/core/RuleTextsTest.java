package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jipan.core.scenarios.DemoDealership;
import org.junit.jupiter.api.Test;

/** Every rule explains itself in Chinese and in English (issue 26), from one language-neutral answer. */
class RuleTextsTest {
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final CompiledRules SHIPPED = jipan.ShippedRules.compiled();

    @Test
    void everyShippedRuleHasAChineseNameAndEverySentenceIsWrittenInBothLanguages() {
        for (String rule : SHIPPED.ruleNames()) {
            RuleTexts.Texts texts = SHIPPED.texts().texts(rule);
            assertThat(texts.nameZh()).as("@name_zh of '" + rule + "'").isNotBlank().containsPattern(CHINESE);
            if (texts.sayEn() != null || texts.sayZh() != null) {
                assertThat(texts.sayZh()).as("@zh of '" + rule + "'").isNotBlank().containsPattern(CHINESE);
                assertThat(texts.sayEn()).as("@en of '" + rule + "'").isNotBlank().doesNotContainPattern(CHINESE);
            }
        }
    }

    @Test
    void everyReasonAndTaskOfTheDemoCustomersReadsInChineseAndInEnglish() {
        Classifier classifier = new Classifier(SHIPPED, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        DemoDealership demo = new DemoDealership(2012L, LocalDate.of(2012, 9, 30));
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            customers.add(demo.customer(i));
        }
        int reasons = 0;
        int tasks = 0;
        for (Classification result : classifier.classify(LocalDate.of(2012, 9, 30), customers)) {
            for (Reason reason : result.reasons()) {
                assertThat(reason.said().text()).as("'" + reason.rule() + "' writes its sentence beside itself").isNull();
                ReasonText zh = SHIPPED.texts().text(reason, Lang.ZH);
                ReasonText en = SHIPPED.texts().text(reason, Lang.EN);
                assertThat(zh.message()).as(reason.rule()).containsPattern(CHINESE).doesNotContainPattern("%[sdlbf0-9.$]");
                assertThat(zh.name()).containsPattern(CHINESE);
                assertThat(en.name()).isEqualTo(reason.rule());
                // the values are the same in both: every number and date of the English sentence is in the Chinese one
                for (String value : reason.said().args()) {
                    if (value != null && value.matches("[0-9][0-9.-]*")) {
                        assertThat(zh.message()).as(reason.rule()).contains(value);
                        assertThat(en.message()).as(reason.rule()).contains(value);
                    }
                }
                reasons++;
            }
            for (FollowUpResult followUp : result.followUps()) {
                assertThat(SHIPPED.texts().text(followUp, Lang.ZH).reason()).containsPattern(CHINESE);
                String en = SHIPPED.texts().text(followUp, Lang.EN).reason();
                for (String value : followUp.said().args()) {
                    en = value == null ? en : en.replace(value, ""); // the data (a brand, a name) may be Chinese
                }
                assertThat(en).doesNotContainPattern(CHINESE);
                tasks++;
            }
        }
        assertThat(reasons).isGreaterThan(2_500);
        assertThat(tasks).isGreaterThan(20);
    }

    @Test
    void theGlossaryListsEveryLabelAsTheEngineHasIt() throws Exception {
        String glossary = java.nio.file.Files.readString(Path.of("../docs/glossary.md"));
        Labels.all().forEach((value, label) -> assertThat(glossary).as(value)
                .contains("| `" + value + "` | " + label.get("zh") + " | " + label.get("en") + " |"));
    }

    @Test
    void aRuleWrittenInOneLanguageOnlyIsReadInItInBoth() {
        CompiledRules rules = compile("""
                rule "只写中文"
                    @zh("截至 %s 共 %d 次")
                when
                    AsOf( $asOf : date )
                then
                    insert( new TierAssigned( Tier.A, Because.of( $asOf, 3 ) ) );
                end
                """);
        Classification result = classify(rules);
        Reason reason = result.reasons().get(0);
        assertThat(reason.said().args()).containsExactly("2012-09-30", "3");
        assertThat(rules.texts().text(reason, Lang.ZH).message()).isEqualTo("截至 2012-09-30 共 3 次");
        assertThat(rules.texts().text(reason, Lang.EN).message()).isEqualTo("截至 2012-09-30 共 3 次");
        assertThat(rules.texts().name("只写中文", Lang.EN)).isEqualTo("只写中文");
    }

    @Test
    void labelsYesNoAndOtherOrdersAreReadInTheReadersLanguage() {
        CompiledRules rules = compile("""
                rule "Labels"
                    @name_zh("标签")
                    @en("%s customer, paid %.2f, complaint open: %b")
                    @zh("已付 %2$.2f 元的%1$l客户，投诉未解决：%3$b")
                when
                    AsOf()
                then
                    insert( new TierAssigned( Tier.A, Because.of( Churn.AT_RISK, new java.math.BigDecimal( "1234.5" ), true ) ) );
                end
                """);
        Reason reason = classify(rules).reasons().get(0);
        assertThat(rules.texts().text(reason, Lang.EN).message()).isEqualTo("AT_RISK customer, paid 1234.50, complaint open: yes");
        assertThat(rules.texts().text(reason, Lang.ZH).message()).isEqualTo("已付 1234.50 元的流失预警客户，投诉未解决：是");
        assertThat(rules.texts().text(reason, Lang.ZH).name()).isEqualTo("标签");
        assertThat(rules.texts().text(reason, Lang.EN).name()).isEqualTo("Labels");
    }

    @Test
    void twoLanguagesThatDoNotTakeTheSameValuesAreRefusedAtTheLineOfTheSentence() {
        String drl = header() + """
                rule "Mismatch"
                    @en("%d visits to %s")
                    @zh("截至 %s")
                when
                    AsOf()
                then
                    insert( new TierAssigned( Tier.A, Because.of( 1, "x" ) ) );
                end
                """;
        assertThatThrownBy(() -> new RuleCompiler().compile(new RuleFiles(Map.of("mismatch.drl", drl))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo("mismatch.drl");
                            assertThat(problem.line()).isEqualTo(drl.lines().toList().indexOf("    @zh(\"截至 %s\")") + 1);
                            assertThat(problem.message()).contains("Mismatch").contains("2 value(s) (%d, %s)")
                                    .contains("1 value(s) (%s)");
                        }));
    }

    @Test
    void valuesTheSentenceDoesNotTakeFailTheCustomerNamingTheRule() {
        CompiledRules rules = compile("""
                rule "Too many values"
                    @en("%d visits")
                    @zh("%d 次")
                when
                    AsOf()
                then
                    insert( new TierAssigned( Tier.A, Because.of( 1, 2 ) ) );
                end
                """);
        assertThatThrownBy(() -> classify(rules)).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("'Too many values' gives 2 value(s)").hasMessageContaining("takes 1");
    }

    private static String header() {
        return """
                package jipan.rules;
                import jipan.core.facts.AsOf;
                import jipan.core.facts.Because;
                import jipan.core.facts.Churn;
                import jipan.core.facts.Tier;
                import jipan.core.facts.TierAssigned;
                """;
    }

    private static CompiledRules compile(String rules) {
        return new RuleCompiler().compile(new RuleFiles(Map.of("texts.drl", header() + rules)));
    }

    private static Classification classify(CompiledRules rules) {
        return new Classifier(rules, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER).classify(LocalDate.of(2012, 9, 30),
                new DemoDealership(2012L, LocalDate.of(2012, 9, 30)).customer(1));
    }
}
