package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.facts.LoyaltyLevel;
import org.junit.jupiter.api.Test;

/**
 * The shipped decision tables (rules/defeat.drl.xlsx, rules/loyalty.drl.xlsx) are rule files like the DRL ones:
 * an edited cell changes the answers, and a broken one is refused at its sheet and cell — verified on the
 * compiled form like any rule, so a cell cannot smuggle code in.
 */
class DecisionTablesTest {
    private static final Path RULES = Path.of("../rules");

    private static Map<String, String> shippedWith(String table, TableEdit edit) {
        Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        files.put(table, edit.text());
        return files;
    }

    private static String refusal(Map<String, String> files) {
        try {
            new RuleCompiler().compile(new RuleFiles(files));
        } catch (RuleCompilationException e) {
            return e.errors().toString();
        }
        throw new AssertionError("the rules compiled");
    }

    private static ClassifyRequest request(String fixture) throws Exception {
        return new CustomerFactsReader().readClassifyRequest(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../fixtures", fixture).toFile()).get("request"));
    }

    private static LeadResult lead(Classification result, String id) {
        return result.leads().stream().filter(lead -> lead.leadId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theShippedTablesAreRulesNamedByTheirRowsAndFileTopic() {
        CompiledRules rules = new RuleCompiler().compile(RuleFiles.readDirectory(RULES));

        assertThat(rules.ruleNames()).contains("Defeat: price", "Action: price", "Score band: loyal");
        assertThat(rules.ruleFiles()).containsEntry("Defeat: price", "defeat.drl.xlsx")
                .containsEntry("Score band: weak", "loyalty.drl.xlsx");
        assertThat(rules.topicOf("Action: service")).isEqualTo("defeat");
        assertThat(DecisionTables.cells("defeat.drl.xlsx", rules.files().files().get("defeat.drl.xlsx")))
                .containsEntry("Categories!B12", "FINANCING").containsEntry("Categories!C26", "offer finance plan");
    }

    @Test
    void anAnalystChangesAnActionAndMovesAReasonToANewCategoryByEditingRows() throws Exception {
        ClassifyRequest leads = request("defeat/categories.yml");
        TableEdit edit = TableEdit.shipped("defeat.drl.xlsx")
                .set("Categories!C26", "offer 0% finance over 24 months")
                .set("Categories!B13", "SERVICE")                          // DISTANCE leaves "Defeat: service"
                .insertRow("Categories", 16, "Defeat: too far", "DISTANCE", "TOO_FAR", "战败：距离太远")
                .insertRow("Categories", 31, "Action: too far", "TOO_FAR", "offer pick-up and delivery service",
                        "跟进动作：距离太远", "defeated, reason %s → %s", "战败，原因：%1$l → %2$l");
        Classifier classifier = new Classifier(new RuleCompiler().compile(new RuleFiles(shippedWith("defeat.drl.xlsx", edit))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);

        Classification result = classifier.classify(leads.asOf(), leads.customers().get(0));

        assertThat(lead(result, "L-FINANCING")).isEqualTo(new LeadResult("L-FINANCING", "FINANCING",
                "offer 0% finance over 24 months", List.of(), "Action: financing"));
        assertThat(lead(result, "L-DISTANCE")).isEqualTo(new LeadResult("L-DISTANCE", "TOO_FAR",
                "offer pick-up and delivery service", List.of(), "Action: too far"));
        assertThat(lead(result, "L-SERVICE").category()).isEqualTo("SERVICE");
        assertThat(messages(classifier, result, Lang.EN)).contains("defeated, reason DISTANCE → TOO_FAR");
        assertThat(messages(classifier, result, Lang.ZH)).contains("战败，原因：距离 → 距离太远");
        assertThat(result.reasons()).anyMatch(reason -> reason.rule().equals("Action: too far")
                && reason.topic().equals("defeat"));
        assertThat(result.firedRules()).contains("Defeat: too far");
    }

    @Test
    void aReasonTakenOffEveryRowIsUnanalysedAndSaysSo() throws Exception {
        ClassifyRequest leads = request("defeat/categories.yml");
        TableEdit edit = TableEdit.shipped("defeat.drl.xlsx").deleteRow("Categories", 12);   // FINANCING on no row
        Classifier classifier = new Classifier(new RuleCompiler().compile(new RuleFiles(shippedWith("defeat.drl.xlsx", edit))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);

        Classification result = classifier.classify(leads.asOf(), leads.customers().get(0));

        assertThat(lead(result, "L-FINANCING").category()).isEqualTo("UNANALYSED");
        assertThat(messages(classifier, result, Lang.EN))
                .contains("defeated, reason FINANCING (on no row of the defeat table) → UNANALYSED");
    }

    /**
     * A table saved by another program (issue 26): openpyxl leaves out the empty cell inside the merged object-type
     * header (Levels!B7:C7), POI's streaming writer writes only cells with values; both give the same rules.
     */
    @Test
    void aTableSavedByAnotherProgramGivesTheSameRules() throws Exception {
        ClassifyRequest customers = request("loyalty/levels.yml");
        Classifier shipped = new Classifier(new RuleCompiler().compile(RuleFiles.readDirectory(RULES)),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        List<Classification> expected = shipped.classify(customers.asOf(), customers.customers());
        // both tables changed at once, each way round: two rule sets to compile instead of four
        for (boolean loyaltyByScript : List.of(true, false)) {
            Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
            for (String table : List.of("loyalty.drl.xlsx", "defeat.drl.xlsx")) {
                boolean withoutPlaceholders = table.startsWith("loyalty") == loyaltyByScript;
                files.put(table, withoutPlaceholders ? TableEdit.shipped(table).withoutPlaceholderCells().text()
                        : DecisionTables.text(TableEdit.shipped(table).bytesBySecondWriter()));
                assertThat(RuleCompiler.drlOf(table, files.get(table))).as(table)
                        .isEqualTo(RuleCompiler.drlOf(table, RuleFiles.readDirectory(RULES).files().get(table)));
            }
            CompiledRules rules = new RuleCompiler().compile(new RuleFiles(files));
            assertThat(rules.ruleNames()).isEqualTo(shipped.rules().ruleNames());
            assertThat(new Classifier(rules, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER)
                    .classify(customers.asOf(), customers.customers())).isEqualTo(expected);
        }
    }

    @Test
    void aRowsChineseSentenceTakingOtherValuesThanItsEnglishOneIsRefusedAtItsCell() {
        TableEdit edit = TableEdit.shipped("defeat.drl.xlsx").set("Categories!F25", "战败原因：%1$l");
        String refusal = refusal(shippedWith("defeat.drl.xlsx", edit));
        assertThat(refusal).contains("defeat.drl.xlsx!Categories!F25").contains("Action: product")
                .contains("1 value(s) (%s)").contains("2 value(s) (%s, %s)");
    }

    @Test
    void aLoyaltyBandEditMovesTheLevel() throws Exception {
        ClassifyRequest customers = request("loyalty/levels.yml");
        TableEdit edit = TableEdit.shipped("loyalty.drl.xlsx").set("Levels!B10", "7").set("Levels!C11", "7");
        Classifier classifier = new Classifier(new RuleCompiler().compile(new RuleFiles(shippedWith("loyalty.drl.xlsx", edit))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);

        Classification at7 = classifier.classify(customers.asOf(), customers.customers()).stream()
                .filter(result -> result.customerId().equals("ORDINARY-AT-7")).findFirst().orElseThrow();

        assertThat(at7.loyalty().level()).isEqualTo(LoyaltyLevel.LOYAL);
        assertThat(messages(classifier, at7, Lang.EN)).contains("score 7 is in the LOYAL band (from 7, below 11) → LOYAL");
    }

    @Test
    void anUnknownReasonIsRefusedAtItsCell() {
        String refusal = refusal(shippedWith("defeat.drl.xlsx", TableEdit.shipped("defeat.drl.xlsx")
                .set("Categories!B11", "PRODUCT, BRANDS")));

        assertThat(refusal).contains("defeat.drl.xlsx!Categories!B11: ").contains("BRANDS");
    }

    @Test
    void aWordWhereAScoreBelongsIsRefusedAtItsCell() {
        String refusal = refusal(shippedWith("loyalty.drl.xlsx", TableEdit.shipped("loyalty.drl.xlsx")
                .set("Levels!C11", "eight")));

        assertThat(refusal).contains("loyalty.drl.xlsx!Levels!C11: ");
    }

    @Test
    void quotesInAValueCellStayTextAndCodeInATableIsVerifiedLikeAnyRuleAndRefusedAtItsCell() throws Exception {
        ClassifyRequest leads = request("defeat/categories.yml");
        String smuggled = "x\", \"y\" ) ); System.exit( 0 ); insert( new LeadCategorised( \"a\", \"b\", \"c\", \"d";
        Classifier classifier = new Classifier(new RuleCompiler().compile(new RuleFiles(shippedWith("defeat.drl.xlsx",
                TableEdit.shipped("defeat.drl.xlsx").set("Categories!C26", smuggled)))), Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        assertThat(lead(classifier.classify(leads.asOf(), leads.customers().get(0)), "L-FINANCING").action())
                .isEqualTo(smuggled);

        String refusal = refusal(shippedWith("defeat.drl.xlsx", TableEdit.shipped("defeat.drl.xlsx")
                .set("Categories!C22", "System.exit( 0 ); insert( new LeadCategorised( $category.getLeadId(), "
                        + "$category.getCategory(), \"$param\", \"\" ) );")));

        assertThat(refusal).contains("defeat.drl.xlsx!Categories!C22: ").contains("System.exit");
    }

    @Test
    void aFormulaASecondSheetTableAndAFileThatIsNoWorkbookAreRefused() {
        assertThat(refusal(shippedWith("defeat.drl.xlsx", TableEdit.shipped("defeat.drl.xlsx")
                .formula("Categories!C12", "\"FIN\"&\"ANCING\""))))
                .contains("defeat.drl.xlsx!Categories!C12: a formula (=\"FIN\"&\"ANCING\") is not accepted");
        assertThat(refusal(shippedWith("defeat.drl.xlsx", TableEdit.shipped("defeat.drl.xlsx")
                .addSheet("More", "A3", "RuleTable More categories"))))
                .contains("defeat.drl.xlsx!More!A3: only the first sheet's tables are read ('Categories')");
        Map<String, String> notAWorkbook = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        notAWorkbook.put("defeat.drl.xlsx", DecisionTables.text("package jipan.rules;".getBytes()));
        assertThat(refusal(notAWorkbook)).contains("defeat.drl.xlsx: the file cannot be read as an .xlsx workbook");
        notAWorkbook.put("defeat.drl.xlsx", "not base64 ***");
        assertThat(refusal(notAWorkbook)).contains("defeat.drl.xlsx: a decision table is sent as the Base64 text");
    }

    /** The reasons' sentences in a language, as a reader reads them. */
    private static List<String> messages(Classifier classifier, Classification result, Lang lang) {
        return result.reasons().stream().map(reason -> classifier.rules().texts().text(reason, lang).message()).toList();
    }
}
