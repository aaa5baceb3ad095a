package jipan.imports;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.core.CustomerFacts;
import jipan.core.facts.Complaint;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.PayType;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Visit;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DMS exports with Chinese headers, UTF-8 and GBK, good and bad rows, on a real H2 and PostgreSQL. */
class DmsImporterTest {
    private static final Path FILES = Path.of("src/test/resources/imports");

    private static ImportReport importFile(DmsImporter importer, ImportKind kind, String file, List<ImportReport> seen)
            throws IOException {
        try (InputStream in = Files.newInputStream(FILES.resolve(file))) {
            return importer.importCsv(kind, in, null, seen::add);
        }
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void importsGoodRowsRejectsBadOnesByLineAndColumnAndIsIdempotent(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 3);
            List<ImportReport> progress = new ArrayList<>();

            ImportReport customers = importFile(importer, ImportKind.CUSTOMERS, "customers-utf8-bom.csv", progress);
            ImportReport vehicles = importFile(importer, ImportKind.VEHICLES, "vehicles-gbk.csv", progress);
            ImportReport ros = importFile(importer, ImportKind.REPAIR_ORDERS, "repair-orders-gbk.csv", progress);
            ImportReport leads = importFile(importer, ImportKind.LEADS, "leads-utf8.csv", progress);

            assertThat(customers.encoding()).isEqualTo("UTF-8");
            assertThat(customers.imported()).isEqualTo(2);
            assertThat(customers.errors()).containsExactly(
                    new RowError(4, "出生年份", "not a whole number: '19x0'"),
                    new RowError(5, "客户编号", "is empty"));
            assertThat(vehicles.encoding()).isEqualTo("GBK");
            assertThat(vehicles.imported()).isEqualTo(3);
            assertThat(vehicles.errors()).extracting(RowError::line).containsExactlyInAnyOrder(5L, 6L);
            assertThat(vehicles.errors()).anySatisfy(e -> assertThat(e.reason())
                    .isEqualTo("customer D9 is not in the customer store: import the customers export first"));
            assertThat(ros.rowsRead()).isEqualTo(8);
            assertThat(ros.imported()).isEqualTo(4);
            assertThat(ros.errors()).containsExactlyInAnyOrder(
                    new RowError(5, "进厂日期", "not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日 or YYYYMMDD): '2012/02/30'"),
                    new RowError(6, "付费类型", ros.errors().stream().filter(e -> e.line() == 6).findFirst()
                            .orElseThrow().reason()),
                    new RowError(7, "vin", "vehicle LSGPC54U8AF000X00 is not in the customer store: import the vehicles export first"),
                    new RowError(8, "结算金额", "the amount must not be negative (got -5)"));
            assertThat(ros.errors().stream().filter(e -> e.line() == 6).findFirst().orElseThrow().reason())
                    .startsWith("'现金' is not one of CUSTOMER_PAY, WARRANTY, INSURANCE, INTERNAL");
            assertThat(leads.imported()).isEqualTo(2);
            assertThat(progress).allSatisfy(report -> assertThat(report.imported()).isLessThanOrEqualTo(8));

            CustomerStore store = new CustomerStore(database.jdbi());
            CustomerFacts d2 = store.find("D2").orElseThrow();
            assertThat(d2.vehicles()).hasSize(2);
            Visit ro2 = d2.visits().stream().filter(v -> v.getRoNumber().equals("RO-2")).findFirst().orElseThrow();
            assertThat(ro2.getDate()).isEqualTo(LocalDate.of(2011, 11, 20));
            assertThat(ro2.getPayType()).isEqualTo(PayType.CUSTOMER_PAY);
            assertThat(ro2.getServiceType()).isEqualTo(ServiceType.MAINTENANCE);
            assertThat(ro2.getAmount()).isEqualByComparingTo(new BigDecimal("1520.50"));
            assertThat(store.find("D1").orElseThrow().leads().get(0).getCompetitorBrand()).isEqualTo("大众");

            ImportReport again = importFile(importer, ImportKind.REPAIR_ORDERS, "repair-orders-gbk.csv", progress);

            assertThat(again.imported()).isEqualTo(4);
            assertThat(ros.created()).isEqualTo(4);
            assertThat(again.created()).isZero();
            assertThat(again.updated()).isZero();
            assertThat(again.unchanged()).isEqualTo(4);
            assertThat(store.find("D2").orElseThrow()).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(d2);
            assertThat(store.count()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void complaintsAndPeopleImportWithChineseHeadersAndAnExportOfTheSameComplaintUpdatesIt(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 3);
            List<ImportReport> progress = new ArrayList<>();
            importFile(importer, ImportKind.CUSTOMERS, "customers-utf8-bom.csv", progress);
            importFile(importer, ImportKind.VEHICLES, "vehicles-gbk.csv", progress);
            importFile(importer, ImportKind.REPAIR_ORDERS, "repair-orders-gbk.csv", progress);

            ImportReport complaints = importFile(importer, ImportKind.COMPLAINTS, "complaints-utf8.csv", progress);
            assertThat(complaints.rowsRead()).isEqualTo(5);
            assertThat(complaints.created()).isEqualTo(2);
            assertThat(complaints.errors()).extracting(RowError::line, RowError::column).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(4L, "投诉类别"), org.assertj.core.groups.Tuple.tuple(5L, "答复日期"),
                    org.assertj.core.groups.Tuple.tuple(6L, "customerId"));
            assertThat(complaints.errors()).anySatisfy(error -> assertThat(error.reason())
                    .isEqualTo("is before the complaint's date 2012-09-06"));
            CustomerStore store = new CustomerStore(database.jdbi());
            Complaint open = store.find("D1").orElseThrow().complaints().get(0);
            assertThat(open.getSubject()).isEqualTo(ComplaintSubject.SERVICE_STAFF);
            assertThat(open.getAnsweredOn()).isEqualTo(LocalDate.of(2012, 9, 2));
            assertThat(open.isResolved()).isFalse();
            Complaint closed = store.find("D2").orElseThrow().complaints().get(0);
            assertThat(closed.getResolvedOn()).isEqualTo(LocalDate.of(2012, 8, 30));
            assertThat(closed.isResolved()).isTrue();

            // the same file again changes nothing; a later export resolving the complaint updates it, not a second one
            assertThat(importFile(importer, ImportKind.COMPLAINTS, "complaints-utf8.csv", progress).unchanged()).isEqualTo(2);
            ImportReport resolved = importer.importCsv(ImportKind.COMPLAINTS, new java.io.ByteArrayInputStream(
                    "客户编号,投诉日期,投诉类别,是否解决,答复日期,解决日期\nD1,2012-09-01,服务人员,是,2012-09-02,2012-09-20\n"
                            .getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(resolved.updated()).isEqualTo(1);
            assertThat(store.find("D1").orElseThrow().complaints()).singleElement().satisfies(complaint -> {
                assertThat(complaint.getResolvedOn()).isEqualTo(LocalDate.of(2012, 9, 20));
                assertThat(complaint.isResolved()).isTrue();
            });

            // a repair order's service advisor (服务顾问) is read, and a change of advisor alone is an update
            String withAdvisor = "工单号,车架号,进厂日期,进厂里程,付费类型,维修类型,结算金额,服务顾问\n"
                    + "RO-2,LSGPC54U8AF000D21,2011/11/20,61000,自费,保养,\"1,520.50\",王芳\n";
            ImportReport advisor = importer.importCsv(ImportKind.REPAIR_ORDERS,
                    new java.io.ByteArrayInputStream(withAdvisor.getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(advisor.updated()).isEqualTo(1);
            assertThat(store.find("D2").orElseThrow().visits()).filteredOn(v -> v.getRoNumber().equals("RO-2"))
                    .singleElement().extracting(Visit::getAdvisor).isEqualTo("王芳");
        });
    }

    @org.junit.jupiter.api.Test
    void aColumnTheImportDoesNotKnowIsReportedWithTheNearestKnownHeaderAndReadOnceTheDealerNamesIt() throws Exception {
        TestDatabases.with("h2", database -> {
            new DmsImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.CUSTOMERS,
                    Files.newInputStream(FILES.resolve("customers-utf8-bom.csv")), null, r -> { });
            String vehicles = "车架号,客户编号,车型,购车日期,保修到期,备注\n"
                    + "LSGPC54U8AF000D31,D1,科鲁兹,2010-05-01,2013-05-01,老客户\n"
                    + "LSGPC54U8AF000D32,D2,英朗,2011-03-01,2014-03-01,\n";

            ImportReport unread = new DmsImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.VEHICLES,
                    new ByteArrayInputStream(vehicles.getBytes(StandardCharsets.UTF_8)), null, r -> { });

            // the rows import (nothing in them is wrong), and the report says which columns were not read and why
            assertThat(unread.created()).isEqualTo(2);
            assertThat(unread.columns().unknownHeaders()).containsExactly(
                    new jipan.api.ColumnReport.UnknownHeader("保修到期", "warrantyEnd", "保修到期日"),
                    new jipan.api.ColumnReport.UnknownHeader("备注", null, null));
            assertThat(unread.columns().missingFields()).containsExactly("boughtHere", "installment", "warrantyEnd");
            CustomerStore store = new CustomerStore(database.jdbi());
            assertThat(store.find("D1").orElseThrow().vehicles()).singleElement()
                    .satisfies(vehicle -> assertThat(vehicle.getWarrantyEnd()).isNull());

            // the dealer names the header once under imports.headers: the same file now fills the warranty end
            ImportReport read = new DmsImporter(database.jdbi(),
                    Map.of(ImportKind.VEHICLES, Map.of("warrantyEnd", List.of("保修到期"))), 100).importCsv(
                    ImportKind.VEHICLES, new ByteArrayInputStream(vehicles.getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(read.updated()).isEqualTo(2);
            assertThat(read.columns().unknownHeaders()).extracting(jipan.api.ColumnReport.UnknownHeader::header)
                    .containsExactly("备注");
            assertThat(store.find("D1").orElseThrow().vehicles()).singleElement()
                    .satisfies(vehicle -> assertThat(vehicle.getWarrantyEnd()).isEqualTo(LocalDate.of(2013, 5, 1)));
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void surveysEventsAndReferralsImportWithChineseHeadersRejectBadValuesAndUpdateByTheirKey(String kind)
            throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 2);
            importFile(importer, ImportKind.CUSTOMERS, "customers-utf8-bom.csv", new ArrayList<>());
            String surveys = "客户编号,调查日期,满意度,再购意向,推荐意愿\n"
                    + "D1,2012-08-25,5,90%,非常愿意\n"
                    + "D2,2012/08/26,6,50,愿意\n"
                    + "D2,2012-08-27,4,120,愿意\n"
                    + "D2,2012-08-28,3,40,也许\n"
                    + "D2,2012-08-29,4,,\n";
            ImportReport surveyReport = importer.importCsv(ImportKind.SURVEYS,
                    new ByteArrayInputStream(surveys.getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(surveyReport.created()).isEqualTo(2);
            assertThat(surveyReport.errors()).extracting(RowError::line, RowError::column).containsExactly(
                    Tuple.tuple(3L, "满意度"), Tuple.tuple(4L, "再购意向"), Tuple.tuple(5L, "推荐意愿"));
            assertThat(surveyReport.errors().get(0).reason()).isEqualTo("must be 1 to 5 (got 6)");

            String events = "客户编号,活动编号,活动日期,是否参加,带来潜客数\n"
                    + "D1,EV-1,2012-05-01,是,2\n"
                    + "D1,EV-2,2012-05-01,否,\n"
                    + "D9,EV-1,2012-05-01,是,1\n";
            ImportReport eventReport = importer.importCsv(ImportKind.EVENTS,
                    new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(eventReport.created()).isEqualTo(2);
            assertThat(eventReport.errors()).extracting(RowError::line).containsExactly(4L);

            String referrals = "推荐人编号,推荐日期,被推荐人姓名,是否成交\nD2,2012-04-10,张先生,否\n";
            assertThat(importer.importCsv(ImportKind.REFERRALS, new ByteArrayInputStream(
                    referrals.getBytes(StandardCharsets.UTF_8)), null, r -> { }).created()).isEqualTo(1);

            // the same files again change nothing; a later export of the same referral (now bought) updates it
            assertThat(importer.importCsv(ImportKind.EVENTS, new ByteArrayInputStream(
                    events.getBytes(StandardCharsets.UTF_8)), null, r -> { }).unchanged()).isEqualTo(2);
            assertThat(importer.importCsv(ImportKind.SURVEYS, new ByteArrayInputStream(
                    surveys.getBytes(StandardCharsets.UTF_8)), null, r -> { }).unchanged()).isEqualTo(2);
            ImportReport bought = importer.importCsv(ImportKind.REFERRALS, new ByteArrayInputStream(
                    referrals.replace(",否\n", ",是\n").getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(bought.updated()).isEqualTo(1);

            CustomerStore store = new CustomerStore(database.jdbi());
            CustomerFacts d1 = store.find("D1").orElseThrow();
            assertThat(d1.events()).hasSize(2).anySatisfy(event -> {
                assertThat(event.getEventId()).isEqualTo("EV-1");
                assertThat(event.isAttended()).isTrue();
                assertThat(event.getBroughtProspects()).isEqualTo(2);
            });
            assertThat(d1.surveys()).singleElement().satisfies(survey -> {
                assertThat(survey.getSatisfaction()).isEqualTo(5);
                assertThat(survey.getRepurchaseIntent()).isEqualTo(90);
            });
            CustomerFacts d2 = store.find("D2").orElseThrow();
            assertThat(d2.surveys()).singleElement().satisfies(survey -> {
                assertThat(survey.getDate()).isEqualTo(LocalDate.of(2012, 8, 29));
                assertThat(survey.getRepurchaseIntent()).isNull();
            });
            assertThat(d2.referrals()).singleElement().satisfies(referral -> {
                assertThat(referral.getReferredName()).isEqualTo("张先生");
                assertThat(referral.isClosed()).isTrue();
            });
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aDealersOwnHeadersAreUnderstoodAndMissingColumnsNamed(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            new DmsImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.CUSTOMERS,
                    Files.newInputStream(FILES.resolve("customers-utf8-bom.csv")), null, r -> { });
            new DmsImporter(database.jdbi(), Map.of(), 100).importCsv(ImportKind.VEHICLES,
                    Files.newInputStream(FILES.resolve("vehicles-gbk.csv")), null, r -> { });

            ImportReport unknownHeaders = new DmsImporter(database.jdbi(), Map.of(), 100).importCsv(
                    ImportKind.REPAIR_ORDERS, Files.newInputStream(FILES.resolve("repair-orders-dealer-headers.csv")),
                    null, r -> { });
            assertThat(unknownHeaders.status()).isEqualTo(ImportReport.Status.FAILED);
            assertThat(unknownHeaders.failure()).startsWith("no header row: line 1: no column for [roNumber, vin, date, payType]");

            DmsImporter dealer = new DmsImporter(database.jdbi(), Map.of(ImportKind.REPAIR_ORDERS, Map.of(
                    "roNumber", List.of("单号"), "vin", List.of("VIN码"), "date", List.of("日期"),
                    "payType", List.of("类型"))), 100);
            ImportReport understood = dealer.importCsv(ImportKind.REPAIR_ORDERS,
                    Files.newInputStream(FILES.resolve("repair-orders-dealer-headers.csv")), null, r -> { });

            assertThat(understood.status()).isEqualTo(ImportReport.Status.DONE);
            assertThat(understood.imported()).isEqualTo(1);
        });
    }

    private static DmsImporter.Result importPath(DmsImporter importer, ImportKind kind, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.importFile(kind, in, null, r -> { });
        }
    }

    private static final Map<String, Map<String, String>> DEALER_WORDS = Map.of("payType", Map.of("免费", "WARRANTY"));

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void anXlsxExportWithTitleLinesAndDealerWordsImportsAndItsRejectedRowsComeBackAsAWorkbookToFix(String kind)
            throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), DEALER_WORDS, 2);
            importPath(importer, ImportKind.CUSTOMERS, FILES.resolve("customers-utf8-bom.csv"));
            importPath(importer, ImportKind.VEHICLES, FILES.resolve("vehicles-gbk.csv"));

            DmsImporter.Result result = importPath(importer, ImportKind.REPAIR_ORDERS, FILES.resolve("repair-orders-dms.xlsx"));

            ImportReport report = result.report();
            assertThat(report.status()).isEqualTo(ImportReport.Status.DONE);
            assertThat(report.format()).isEqualTo("xlsx");
            assertThat(report.titleRows()).isEqualTo(2);
            assertThat(report.rowsRead()).isEqualTo(5);
            assertThat(report.created()).isEqualTo(3);
            assertThat(report.errors()).containsExactly(
                    new RowError(7, "进厂日期", "not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日 or YYYYMMDD): "
                            + "'2012年13月1日'", "维修工单!C7"),
                    new RowError(8, "付费类型", report.errors().get(1).reason(), "维修工单!E8"));
            assertThat(report.errors().get(1).reason()).startsWith("'会员卡' is not one of CUSTOMER_PAY")
                    .contains("免费").endsWith("(a word of your DMS can be added under imports.values.payType)");
            CustomerStore store = new CustomerStore(database.jdbi());
            List<Visit> visits = new ArrayList<>(store.find("D2").orElseThrow().visits());
            visits.addAll(store.find("D1").orElseThrow().visits());
            Visit x1 = visits.stream().filter(v -> v.getRoNumber().equals("RO-X1")).findFirst().orElseThrow();
            assertThat(x1.getDate()).isEqualTo(LocalDate.of(2012, 9, 3));           // a date cell
            assertThat(x1.getPayType()).isEqualTo(PayType.WARRANTY);                 // 免费, the dealer's word
            assertThat(x1.getMileage()).isEqualTo(13000);
            Visit x2 = visits.stream().filter(v -> v.getRoNumber().equals("RO-X2")).findFirst().orElseThrow();
            assertThat(x2.getDate()).isEqualTo(LocalDate.of(2012, 9, 3));           // 2012年9月3日
            assertThat(x2.getAmount()).isEqualByComparingTo(new BigDecimal("1280.50")); // a #,##0.00 cell
            assertThat(visits).filteredOn(v -> v.getRoNumber().equals("RO-X3")).singleElement()
                    .satisfies(v -> assertThat(v.getDate()).isEqualTo(LocalDate.of(2012, 9, 10)));   // 20120910

            // the rejected rows, as a workbook under the same header with a reason column; fixed and imported again
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RejectedRows.write(report.format(), result.header(), result.rejected(), out);
            byte[] fixed;
            try (Workbook rejected = WorkbookFactory.create(
                    new ByteArrayInputStream(out.toByteArray()))) {
                Sheet sheet = rejected.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo(RejectedRows.REASON_HEADER);
                assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+2");   // text, not a formula
                assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).startsWith("维修工单!C7 (进厂日期): 不是日期").contains("（原文：维修工单!C7 (进厂日期): not a date");
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
                sheet.getRow(1).getCell(2).setCellValue("2012年9月11日");
                sheet.getRow(2).getCell(4).setCellValue("自费");
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                rejected.write(again);
                fixed = again.toByteArray();
            }
            ImportReport fixedReport = importer.importFile(ImportKind.REPAIR_ORDERS, new ByteArrayInputStream(fixed),
                    null, r -> { }).report();
            assertThat(fixedReport.errors()).isEmpty();
            assertThat(fixedReport.created()).isEqualTo(2);

            // the whole export again: nothing new, the fixed rows now stored as they are
            ImportReport repeated = importPath(importer, ImportKind.REPAIR_ORDERS, FILES.resolve("repair-orders-dms.xlsx")).report();
            assertThat(repeated.created()).isZero();
            assertThat(repeated.unchanged()).isEqualTo(3);
            assertThat(repeated.rejected()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aCsvWithTitleLinesImportsAndItsRejectedRowsComeBackAsAFormulaSafeCsvThatReadsBackAsWritten(String kind)
            throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), DEALER_WORDS, 100);
            importPath(importer, ImportKind.CUSTOMERS, FILES.resolve("customers-utf8-bom.csv"));
            importPath(importer, ImportKind.VEHICLES, FILES.resolve("vehicles-gbk.csv"));

            DmsImporter.Result result = importPath(importer, ImportKind.REPAIR_ORDERS,
                    FILES.resolve("repair-orders-title-lines.csv"));

            assertThat(result.report().format()).isEqualTo("csv");
            assertThat(result.report().titleRows()).isEqualTo(2);
            assertThat(result.report().created()).isEqualTo(2);
            assertThat(result.report().errors()).extracting(RowError::line, RowError::column, RowError::cell)
                    .containsExactly(Tuple.tuple(6L, "进厂日期", null));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RejectedRows.write("csv", result.header(), result.rejected(), out);
            String csv = out.toString(StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF工单号,车架号,进厂日期,进厂里程,付费类型,维修类型,结算金额,错误原因 Reason\r\n")
                    .contains("\"'=1+2\",LSGPC54U8AF000D22,2012年13月1日,10050,自费,保养,300,\"第 6 行，进厂日期: ")
                    .contains("（原文：line 6, 进厂日期: ");

            DmsImporter.Result fixed = importer.importFile(ImportKind.REPAIR_ORDERS, new ByteArrayInputStream(
                    csv.replace("2012年13月1日", "2012年9月13日").getBytes(StandardCharsets.UTF_8)), null, r -> { });
            assertThat(fixed.report().rejected()).isZero();
            assertThat(new CustomerStore(database.jdbi()).find("D2").orElseThrow().visits())
                    .extracting(Visit::getRoNumber).contains("=1+2");    // read back as it was written in the export
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aChangedRowCountsAsUpdated(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            DmsImporter importer = new DmsImporter(database.jdbi(), Map.of(), 100);
            importPath(importer, ImportKind.CUSTOMERS, FILES.resolve("customers-utf8-bom.csv"));
            String changed = Files.readString(FILES.resolve("customers-utf8-bom.csv")).replace("13800000001", "13900000001");

            ImportReport report = importer.importCsv(ImportKind.CUSTOMERS, new ByteArrayInputStream(
                    changed.getBytes(StandardCharsets.UTF_8)), null, r -> { });

            assertThat(report.updated()).isEqualTo(1);
            assertThat(report.unchanged()).isEqualTo(1);
            assertThat(report.created()).isZero();
            assertThat(new CustomerStore(database.jdbi()).find("D1").orElseThrow().customer().getPhone()).isEqualTo("13900000001");
        });
    }
}
