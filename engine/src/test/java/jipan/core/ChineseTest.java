package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problems an analyst or a data clerk acts on read in Chinese, the engine's own words kept beside them. */
class ChineseTest {
    private static final String HEAD = "package jipan.rules;\nimport jipan.core.facts.AsOf;\nimport jipan.core.facts.Tier;\n"
            + "import jipan.core.facts.TierAssigned;\n";

    private static List<RuleProblem> refused(String body) {
        return catchThrowableOfType(RuleCompilationException.class,
                () -> new RuleCompiler().compile(new RuleFiles(Map.of("t.drl", HEAD + body)))).errors();
    }

    @Test
    void theParsersCommonMessagesAndTheVerifiersRefusalsReadInChinese() {
        for (String body : List.of(
                "rule \"no end\"\nwhen\n  AsOf()\nthen\n  insert( new TierAssigned( Tier.A, \"x\" ) );\n",
                "rule \"bracket\"\nwhen\n  AsOf( date > null \nthen\nend\n",
                "rule \"type\"\nwhen\n  Asof()\nthen\nend\n",
                "rule \"field\"\nwhen\n  AsOf( dat == null )\nthen\nend\n",
                "rule \"predicate\"\nwhen\n  AsOf( 11 )\nthen\nend\n",
                "rule \"then bracket\"\nwhen\n  AsOf()\nthen\n  insert( new TierAssigned( Tier.A, \"x\" );\nend\n",
                "rule \"full width\"\nwhen\n  AsOf()\nthen\n  insert( new TierAssigned( Tier.A, \"x\" ) )；\nend\n",
                "rule \"exit\"\nwhen\n  AsOf()\nthen\n  System.exit( 1 );\nend\n",
                "rule \"loop\"\nwhen\n  AsOf()\nthen\n  for ( int i = 0; i < 3; i++ ) { }\nend\n")) {
            List<RuleProblem> problems = refused(body);
            assertThat(problems).as(body).isNotEmpty();
            for (RuleProblem problem : problems) {
                String chinese = Chinese.translate(problem.message());
                assertThat(chinese).as(problem.toString()).isNotNull().containsPattern("\\p{IsHan}");
                assertThat(Chinese.withOriginal(problem.message())).endsWith("（原文：" + problem.message() + "）");
                assertThat(problem.line()).as(problem.toString()).isPositive();
            }
        }
    }

    @Test
    void knownPhrasesAreTranslatedWholeAndUnknownMessagesStayAsTheyAre() {
        assertThat(Chinese.translate("in rule 'exit': rules may not reach the system (processes, properties, environment, "
                + "exit) (java.lang.System.exit is not on the list of what rules may use: see docs/rules.md)"))
                .isEqualTo("规则 'exit'：规则不能访问系统（进程、系统属性、环境变量、退出）（java.lang.System.exit 不在规则可用清单上：见 "
                        + "docs/rules.zh-CN.md）");
        assertThat(Chinese.translate("fixture tiers/x.yml: THREE.tier: expected \"B\", got \"A\""))
                .isEqualTo("测试用例 tiers/x.yml：THREE.tier：期望 \"B\"，实际为 \"A\"");
        assertThat(Chinese.translate("维修工单!G8 (结算金额): the amount must not be negative (got -5)"))
                .isEqualTo("维修工单!G8 (结算金额): 金额不能为负数（实际为 -5）");
        assertThat(Chinese.translate("something nobody wrote a phrase for")).isNull();
        assertThat(Chinese.withOriginal("something nobody wrote a phrase for")).isEqualTo("something nobody wrote a phrase for");
    }

    @Test
    void theCoverageGatesRefusalReadsInChinese() {
        assertThat(Chinese.translate("rule coverage 46 of 47 rules (97 %) is below the 100 % the gate requires "
                + "(rules.minCoveragePercent); no fixture fired: \"Extra\" — add a fixture that fires each of them"))
                .isEqualTo("规则覆盖率 46/47 条（97 %）低于发布闸门要求的 100 %（rules.minCoveragePercent）；没有测试用例触发的规则："
                        + "\"Extra\"——请为每条规则补充能触发它的测试用例");
    }

    @Test
    void aBacktestsRefusalsReadInChinese() {
        assertThat(Chinese.translate("asOf: 2012-06-30 with a horizon of 6 months ends 2012-12-30, after the latest data "
                + "(the latest repair order is of 2012-09-30): asOf must be 2012-03-30 or earlier"))
                .isEqualTo("asOf：2012-06-30 加上 6 个月的观察期到 2012-12-30，晚于最新数据（最新维修工单日期为 2012-09-30）："
                        + "asOf 须不晚于 2012-03-30");
        assertThat(Chinese.translate("the store holds no repair orders: there is nothing customers did to test the "
                + "rules against")).isEqualTo("库中没有维修工单：没有客户后来的行为可用来检验规则");
        assertThat(Chinese.translate("challenger: no challenger is named (PUT /api/v1/rules/challenger names one)"))
                .isEqualTo("challenger：尚未指定挑战者规则（用 PUT /api/v1/rules/challenger 指定）");
        assertThat(Chinese.translate("challenger: a backtest tests the changed files or the challenger beside the "
                + "live rules, not both")).isEqualTo("challenger：回测只能把改动的文件或挑战者规则与现行规则比较，不能同时两者");
        assertThat(Chinese.translate("seq: no stored rule version 999")).isEqualTo("seq：没有编号为 999 的已存规则版本");
    }

    @Test
    void storeRefusalsReadInChinese() {
        assertThat(Chinese.translate("the SERVICE key 's1' is limited to the store S1; GET /api/v1/webhooks/deliveries is "
                + "for keys of the whole group")).isEqualTo("the SERVICE key 's1' 仅限门店 S1；GET /api/v1/webhooks/deliveries "
                + "仅供全集团的密钥使用");
        assertThat(Chinese.translate("store: this key sees the store S1 only, not S2"))
                .isEqualTo("store：此密钥只能查看门店 S1，不能查看 S2");
        assertThat(Chinese.translate("store: no store 'S9' (the stores are S1, S2)"))
                .isEqualTo("store：没有门店“S9”（门店有：S1, S2）");
        assertThat(Chinese.translate("customer A2 is a customer of store S1, not S2 (a person who is a customer of two "
                + "stores is two customers, with two ids)"))
                .isEqualTo("客户 A2 是门店 S1 的客户，不是 S2 的（同一个人在两家门店消费，是两家门店各自的客户，各有编号）");
        assertThat(Chinese.translate("not an override: write STORE: Type.setting = value, e.g. S1: "
                + "TierSettings.minVisitsForA = 5")).isEqualTo("不是门店设置：应写作 门店: 类型.设置 = 数值，例如 S1: "
                + "TierSettings.minVisitsForA = 5");
        assertThat(Chinese.translate("store S3 sets TierSettings.minVisitsForB twice"))
                .isEqualTo("门店 S3 重复设置了 TierSettings.minVisitsForB");
        assertThat(Chinese.translate("LSGPC54U8AF000A11 is stored for a customer of store S1, not S2"))
                .isEqualTo("LSGPC54U8AF000A11 已登记在门店 S1 的客户名下，不属于 S2");
        assertThat(Chinese.translate("02:00:03 customers.csv: import 33 of customers, 20000 rows read, 19998 imported, 2 "
                + "rejected → done/")).isEqualTo("02:00:03 customers.csv：导入 #33（customers），读取 20000 行，导入 19998 行，"
                + "拒绝 2 行 → done/");
        assertThat(Chinese.translate("02:00:09 classification run 7 done: 20000 customers classified; its call lists are "
                + "ready")).isEqualTo("02:00:09 分类运行 #7 完成：已分类 20000 位客户，跟进名单已生成");
        assertThat(Chinese.translate("02:00:00 night 2026-12-03 of store S1 taken by vm/1/ab"))
                .isEqualTo("02:00:00 门店 S1 的 2026-12-03 夜间处理由 vm/1/ab 执行");
        assertThat(Chinese.translate("no setting TierSettings.noSuchThing in the rules"))
                .isEqualTo("规则中没有设置 TierSettings.noSuchThing");
    }

    @Test
    void publishRequestRefusalsReadInChinese() {
        assertThat(Chinese.translate("rules.approval is required: a change goes live through a publish request another "
                + "person approves (or, in an emergency, a rollback with a reason)"))
                .startsWith("已开启发布审批（rules.approval: required）");
        assertThat(Chinese.translate("the live rules changed since request 7 was made (made on sha256:aa, live now "
                + "sha256:bb): its author must bring it up to date first"))
                .isEqualTo("申请 #7 提交后现行规则已变化（提交时为 sha256:aa，现为 sha256:bb）：须由作者先按现行规则更新申请");
        assertThat(Chinese.translate("you made publish request 3 (as lilei): another person must approve or reject it"))
                .isEqualTo("发布申请 #3 是你提交的（密钥 lilei）：须由他人批准或驳回");
        assertThat(Chinese.translate("publish request 3 was pending and is now approving (wangfang): someone else acted "
                + "on it first")).isEqualTo("发布申请 #3 原为 pending，现为 approving (wangfang)：已有他人先处理");
        assertThat(Chinese.translate("publish request 3 is live, not pending")).isEqualTo("发布申请 #3 状态为 live，不是待审批");
        assertThat(Chinese.translate("only the author of publish request 3 (lilei) may withdraw it"))
                .isEqualTo("只有发布申请 #3 的作者（lilei）可以执行此操作（withdraw）");
        assertThat(Chinese.translate("no publish request 9")).isEqualTo("没有编号为 9 的发布申请");
        assertThat(Chinese.translate("comment: required to reject (the author needs to know why)"))
                .isEqualTo("comment: 驳回时必须填写意见（作者需要知道原因）");
        assertThat(Chinese.translate("reason: required for an emergency rollback (it goes live without approval, and "
                + "the log keeps why)")).isEqualTo("reason: 紧急回滚必须填写原因（它不经审批直接生效，原因会记入生效记录）");
        assertThat(Chinese.translate("effectiveAt: 2020-01-01T00:00:00Z is not in the future; leave it out to approve "
                + "for now")).isEqualTo("effectiveAt: 2020-01-01T00:00:00Z 不在将来；立即生效请不填生效时间");
        assertThat(Chinese.translate("the change leaves the live rules as they are: there is nothing to approve"))
                .isEqualTo("此修改与现行规则相同：没有需要审批的内容");
    }

    @Test
    void theRetentionPracticesRefusalsReadInChinese() {
        assertThat(Chinese.translate("line 3, 满意度: must be 1 to 5 (got 6)")).isEqualTo("第 3 行，满意度: 必须在 1 到 5 之间（实际为 6）");
        assertThat(Chinese.translate("group: must be at most 100 characters (got 140)"))
                .isEqualTo("group: 最多 100 个字符（实际为 140 个）");
        assertThat(Chinese.translate("line 4, 再购意向: a percentage is 0 to 100: '120'"))
                .isEqualTo("第 4 行，再购意向: 百分比应在 0 到 100 之间：'120'");
        assertThat(Chinese.translate("customers[1].complaints[0].answeredOn: is before the complaint's date 2012-09-10"))
                .isEqualTo("customers[1].complaints[0].answeredOn: 早于投诉日期 2012-09-10");
        assertThat(Chinese.translate("churnReason: only the outcome of a RETENTION_CALL or WIN_BACK task says why the "
                + "customer left (this is a CARE_CALL task)")).isEqualTo("churnReason: 只有挽留回访（RETENTION_CALL）或"
                + "流失客户挽回（WIN_BACK）的处理结果可以记录流失原因（此任务为 CARE_CALL）");
        assertThat(Chinese.translate("satisfaction: only a call that reached the customer (outcome DONE) records their "
                + "satisfaction (the outcome is DECLINED)")).isEqualTo("satisfaction: 只有接通客户的回访（处理结果 DONE）"
                + "才能记录满意度（此处理结果为 DECLINED）");
        assertThat(Chinese.translate("customers[0].contacts: calls are recorded as task outcomes "
                + "(POST /api/v1/call-lists/outcomes), not stored with the customer")).startsWith("customers[0].contacts: 回访记录");
        assertThat(Chinese.translate("customer D9 is not in the customer store: import the customers export first"))
                .isEqualTo("客户 D9 不在客户库中：请先导入客户文件");
    }
}
