package jipan.core;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems staff act on, in Chinese (issue 26): why a rule file is refused (the verifier's "rules may not …",
 * the parser's most common messages, a decision table's cells, settings), why a fixture failed, why an import
 * row was rejected. The engine, the parser and the importer speak English; this puts a message into Chinese
 * where it knows the message's form, and keeps the original beside it ({@link #withOriginal}) — the engine's
 * own words are what a search or a bug report needs. A message it does not know stays as it is.
 *
 * <p>Each entry is a phrase (a regular expression) and its Chinese; phrases are put into Chinese one after the
 * other, so a message built from known parts ({@code in rule 'X': rules may not loop …}) is translated whole.
 */
public final class Chinese {
    private record Phrase(Pattern english, String chinese) {
    }

    private static Phrase phrase(String english, String chinese) {
        return new Phrase(Pattern.compile(english), chinese);
    }

    /** Longer and more specific phrases first. */
    private static final List<Phrase> PHRASES = List.of(
            // the parser
            phrase("the full-width or typographic character '(.)' \\((U\\+[0-9A-F]+)\\) is not DRL: type '(.+?)' with "
                    + "the input method in English mode", "全角或印刷体字符 '$1'（$2）不是 DRL：请在英文输入状态下输入 '$3'"),
            phrase(" ?\\(the parser said: (.*)\\)$", "（解析器：$1）"),
            phrase("mismatched input '<eof>' in rule \"([^\"]*)\"", "规则 \"$1\" 在文件结尾处未结束：是否缺少 end？"),
            phrase("mismatched input '([^']*)' in rule \"([^\"]*)\"", "规则 \"$2\" 中此处不应出现 '$1'：是否缺少括号或 end？"),
            phrase("mismatched input '([^']*)' in (\\w+)", "此处不应出现 '$1'（$2 中）"),
            phrase("mismatched input '([^']*)' expecting (.+)", "此处不应出现 '$1'，应为 $2"),
            phrase("mismatched input '([^']*)'", "此处不应出现 '$1'"),
            phrase("extraneous input '([^']*)' expecting (.+)", "多余的输入 '$1'，应为 $2"),
            phrase("missing (\\S+) at '([^']*)'", "在 '$2' 处缺少 $1"),
            phrase("no viable alternative at input '([^']*)'", "无法理解输入 '$1'"),
            phrase("Unable to find class: (\\S+)", "找不到类型 $1：检查拼写和 import"),
            phrase("Unable to resolve ObjectType '([^']*)'", "无法识别类型 '$1'：检查拼写和 import"),
            phrase("Unknown field (\\S+) on class (\\S+)", "类型 $2 没有字段 $1"),
            phrase("Unable to parse left part of expression: (.+)", "无法解析表达式左侧：$1（字段名是否拼错？）"),
            phrase("Unable to parse consequence caused by: \\(line (\\d+),col (\\d+)\\) Parse error\\. Found (.+?), "
                    + "expected one of .*", "无法解析 then 部分（第 $1 行第 $2 列）：此处出现 $3，是否缺少括号或分号？"),
            phrase("Predicate '([^']*)' must be a Boolean expression", "条件 '$1' 必须是布尔表达式"),
            phrase("^in rule '([^']*)': ", "规则 '$1'："),
            phrase("^in function '([^']*)': ", "函数 '$1'："),
            phrase("^in declared type '([^']*)': ", "声明类型 '$1'："),
            // the verifier: what rules may not do
            phrase("rules may not reach the system \\(processes, properties, environment, exit\\)",
                    "规则不能访问系统（进程、系统属性、环境变量、退出）"),
            phrase("rules may not read or change the machine's time zone or locale", "规则不能读取或修改机器的时区或区域设置"),
            phrase("rules may not read the clock or the machine's time zone: use AsOf, the date the answer is for",
                    "规则不能读取时钟或机器时区：请用 AsOf（答案所针对的统计日）"),
            phrase("rules may not loop \\(for, while, do\\): use accumulate, or a rule that fires once for each fact",
                    "规则不能循环（for、while、do）：请用 accumulate，或写一条对每个事实触发一次的规则"),
            phrase("rules may not call themselves \\(recursion\\)", "规则不能调用自身（递归）"),
            phrase("rules may not open or write files", "规则不能打开或写入文件"),
            phrase("rules may not use the network", "规则不能使用网络"),
            phrase("rules may not reach the database", "规则不能访问数据库"),
            phrase("rules may not start threads or wait", "规则不能启动线程或等待"),
            phrase("rules may not take locks \\(synchronized\\)", "规则不能加锁（synchronized）"),
            phrase("rules may not use reflection or load classes", "规则不能使用反射或加载类"),
            phrase("rules may not run scripts or compile code", "规则不能运行脚本或编译代码"),
            phrase("rules may not keep state between customers \\(static fields\\)", "规则不能在客户之间保留状态（静态字段）"),
            phrase("rules may not use naming, management, logging, security or preference services",
                    "规则不能使用命名、管理、日志、安全或偏好设置服务"),
            phrase("rules may not use method handles", "规则不能使用方法句柄"),
            phrase("rules may not create arrays whose size is computed at run time", "规则不能创建运行时决定大小的数组"),
            phrase("rules may not create arrays of arrays", "规则不能创建多维数组"),
            phrase("rules may not declare native or synchronized methods", "规则不能声明 native 或 synchronized 方法"),
            phrase("rules may not run code when the garbage collector frees an object", "规则不能在对象被回收时运行代码"),
            phrase("rules may not change fields of", "规则不能修改以下类型的字段："),
            phrase("rules may not use the attribute '([^']*)'", "规则不能使用属性 '$1'"),
            phrase("rules may not call", "规则不能调用"),
            phrase("rules may not use", "规则不能使用"),
            phrase(" ?\\((\\S+) is not on the list of what rules may use: see docs/rules\\.md\\)",
                    "（$1 不在规则可用清单上：见 docs/rules.zh-CN.md）"),
            phrase("must be written out \\(text in quotes, a number, true or false\\), not computed",
                    "必须直接写出（引号中的文字、数字、true 或 false），不能计算"),
            // the rules' sentences
            phrase("the Chinese sentence takes (.+) but the English one takes (.+): both languages must take the same values",
                    "中文句子取 $1，英文句子取 $2：两种语言必须取同样的值"),
            phrase("gives (\\d+) value\\(s\\) with Because\\.of, but its sentence takes (\\d+)",
                    "用 Because.of 给出 $1 个值，但其句子取 $2 个"),
            // decision tables
            phrase("a formula \\((=.*)\\) is not accepted in a decision table: type the value", "决策表中不接受公式（$1）：请直接输入数值"),
            phrase("only the first sheet's tables are read \\('([^']*)'\\): move this table there, or rename the cell if it is "
                    + "a note", "只读取第一个工作表（'$1'）的表格：请把这张表移过去；如果只是备注，请改掉这个单元格的文字"),
            phrase("the table cannot be turned into rules: ", "表格无法转换为规则："),
            phrase("the file cannot be read as an \\.xlsx workbook: ", "文件无法作为 .xlsx 工作簿读取："),
            // fixtures
            phrase("^fixture ([^:]+): ", "测试用例 $1："),
            phrase(": expected (.+), got (.+)$", "：期望 $1，实际为 $2"),
            phrase("no reason like (.+); reasons: .*", "没有这样的理由：$1"),
            phrase("expected '([^']*)' to fire; fired: (.*)", "期望规则 '$1' 被触发；实际触发：$2"),
            phrase("no such customer in the request", "请求中没有这个客户"),
            phrase("^rule error: ", "规则错误："),
            // backtests
            phrase("^asOf: (\\S+) with a horizon of (\\d+) months ends (\\S+), after the latest data \\(the latest "
                    + "repair order is of (\\S+)\\): asOf must be (\\S+) or earlier$",
                    "asOf：$1 加上 $2 个月的观察期到 $3，晚于最新数据（最新维修工单日期为 $4）：asOf 须不晚于 $5"),
            phrase("^the store holds no repair orders: there is nothing customers did to test the rules against$",
                    "库中没有维修工单：没有客户后来的行为可用来检验规则"),
            phrase("^challenger: a backtest tests the changed files or the challenger beside the live rules, not both$",
                    "challenger：回测只能把改动的文件或挑战者规则与现行规则比较，不能同时两者"),
            phrase("^challenger: no challenger is named \\(PUT /api/v1/rules/challenger names one\\)$",
                    "challenger：尚未指定挑战者规则（用 PUT /api/v1/rules/challenger 指定）"),
            phrase("^seq: no stored rule version (\\d+)$", "seq：没有编号为 $1 的已存规则版本"),
            phrase("^rule coverage (\\d+) of (\\d+) rules \\((\\d+) %\\) is below the (\\d+) % the gate requires "
                    + "\\(rules\\.minCoveragePercent\\); no fixture fired: (.*) — add a fixture that fires each of them$",
                    "规则覆盖率 $1/$2 条（$3 %）低于发布闸门要求的 $4 %（rules.minCoveragePercent）；没有测试用例触发的规则：$5"
                    + "——请为每条规则补充能触发它的测试用例"),
            // four eyes: publish requests
            phrase("rules\\.approval is required: a change goes live through a publish request another person approves "
                    + "\\(or, in an emergency, a rollback with a reason\\)",
                    "已开启发布审批（rules.approval: required）：规则修改须提交发布申请并由他人批准后生效（紧急情况下可填写原因后回滚）"),
            phrase("the live rules changed since request (\\d+) was made \\(made on (\\S+), live now (\\S+)\\): its author "
                    + "must bring it up to date first", "申请 #$1 提交后现行规则已变化（提交时为 $2，现为 $3）：须由作者先按现行规则更新申请"),
            phrase("the live rules changed since the request was made \\(made on (\\S+), live now (\\S+)\\); bring the "
                    + "request up to date first", "申请提交后现行规则已变化（提交时为 $1，现为 $2）：请先按现行规则更新申请"),
            phrase("the live rules changed since the request was made: its author must bring it up to date first",
                    "申请提交后现行规则已变化：须由作者先按现行规则更新申请"),
            phrase("you made publish request (\\d+) \\(as ([^)]*)\\): another person must approve or reject it",
                    "发布申请 #$1 是你提交的（密钥 $2）：须由他人批准或驳回"),
            phrase("^publish request (\\d+) was (\\w+) and is now (\\w+)(.*): someone else acted on it first$",
                    "发布申请 #$1 原为 $2，现为 $3$4：已有他人先处理"),
            phrase("^publish request (\\d+) is (\\w+), not pending$", "发布申请 #$1 状态为 $2，不是待审批"),
            phrase("^only the author of publish request (\\d+) \\(([^)]*)\\) may (\\w+) it$",
                    "只有发布申请 #$1 的作者（$2）可以执行此操作（$3）"),
            phrase("^no publish request (\\d+)$", "没有编号为 $1 的发布申请"),
            phrase("required to reject \\(the author needs to know why\\)", "驳回时必须填写意见（作者需要知道原因）"),
            phrase("required for an emergency rollback \\(it goes live without approval, and the log keeps why\\)",
                    "紧急回滚必须填写原因（它不经审批直接生效，原因会记入生效记录）"),
            phrase("(\\S+) is not in the future; leave it out to approve for now", "$1 不在将来；立即生效请不填生效时间"),
            phrase("at most (\\d+) days ahead", "最多提前 $1 天"),
            phrase("the change leaves the live rules as they are: there is nothing to approve",
                    "此修改与现行规则相同：没有需要审批的内容"),
            phrase("there is no fixture gate \\(rules\\.fixtureGate\\) to change", "未配置发布闸门的测试用例（rules.fixtureGate），无法修改"),
            // input and imports
            phrase("^line (\\d+), ", "第 $1 行，"),
            phrase("the amount must not be negative \\(got (.*)\\)", "金额不能为负数（实际为 $1）"),
            phrase("the amount must be below 10\\^12 \\(got (.*)\\)", "金额必须小于 10^12（实际为 $1）"),
            phrase("the amount must have at most (\\d+) decimals \\(got (.*)\\)", "金额最多 $1 位小数（实际为 $2）"),
            phrase("^the amount ", "金额"),
            phrase("not a date \\(YYYY-MM-DD, YYYY/M/D, YYYY\\.MM\\.DD, YYYY年M月D日 or YYYYMMDD\\): '(.*)'",
                    "不是日期（YYYY-MM-DD、YYYY/M/D、YYYY.MM.DD、YYYY年M月D日 或 YYYYMMDD）：'$1'"),
            phrase("not an amount: '(.*)'", "不是金额：'$1'"),
            phrase("not a whole number: '(.*)'", "不是整数：'$1'"),
            phrase("must not be negative: '(.*)'", "不能为负数：'$1'"),
            phrase("not yes or no \\(是/否, Y/N, true/false, 1/0\\): '(.*)'", "不是“是/否”（是/否、Y/N、true/false、1/0）：'$1'"),
            phrase("'(.*)' is not one of (.+) \\(a word of your DMS can be added under imports\\.values\\.(\\w+)\\)",
                    "'$1' 不是以下之一：$2（可在配置 imports.values.$3 下加入贵店 DMS 的用词）"),
            phrase("a VIN has (\\d+) characters: '(.*)'", "车架号（VIN）应为 $1 位：'$2'"),
            phrase("^is empty$", "为空"),
            phrase(": is empty$", "：为空"),
            phrase("must not be negative \\(got (.*)\\)", "不能为负数（实际为 $1）"),
            phrase("the amount must not be negative", "金额不能为负数"),
            phrase("must not be negative", "不能为负数"),
            phrase("must not be blank", "不能为空"),
            phrase("is required", "为必填项"),
            phrase("must be a date YYYY-MM-DD \\(got (.*)\\)", "必须是日期 YYYY-MM-DD（实际为 $1）"),
            phrase("must be a number \\(got (.*)\\)", "必须是数字（实际为 $1）"),
            phrase("must be one of (.+?) \\(got (.*)\\)", "必须是以下之一：$1（实际为 $2）"),
            phrase("is not one of this customer's vehicles", "不是该客户的车辆"),
            phrase("is before the complaint's date (\\S+)", "早于投诉日期 $1"),
            phrase("must be (-?\\d+) to (-?\\d+) \\(got (-?\\d+)\\)", "必须在 $1 到 $2 之间（实际为 $3）"),
            phrase("must be at most (\\d+) characters \\(got (\\d+)\\)", "最多 $1 个字符（实际为 $2 个）"),
            phrase("a percentage is 0 to 100: '(.*)'", "百分比应在 0 到 100 之间：'$1'"),
            phrase("calls are recorded as task outcomes \\(POST /api/v1/call-lists/outcomes\\), not stored with the "
                    + "customer", "回访记录通过任务处理结果保存（POST /api/v1/call-lists/outcomes），不随客户资料保存"),
            phrase("only the outcome of a RETENTION_CALL or WIN_BACK task says why the customer left \\(this is a "
                    + "(\\w+) task\\)", "只有挽留回访（RETENTION_CALL）或流失客户挽回（WIN_BACK）的处理结果可以记录流失原因"
                    + "（此任务为 $1）"),
            phrase("only a call that reached the customer \\(outcome DONE\\) records their satisfaction \\(the "
                    + "outcome is (\\w+)\\)", "只有接通客户的回访（处理结果 DONE）才能记录满意度（此处理结果为 $1）"),
            phrase("customer (\\S+) is not in the customer store: import the customers export first",
                    "客户 $1 不在客户库中：请先导入客户文件"),
            // stores of a group
            phrase("(.+) is limited to the stores? (.+); (\\w+) (\\S+) is for keys of the whole group",
                    "$1 仅限门店 $2；$3 $4 仅供全集团的密钥使用"),
            phrase("(\\S+): this key sees the stores? (.+) only, not (\\S+)", "$1：此密钥只能查看门店 $2，不能查看 $3"),
            phrase("(\\S+): no store '(.*)' \\(the stores are (.+)\\)", "$1：没有门店“$2”（门店有：$3）"),
            phrase("customer (\\S+) is a customer of store (\\S+), not (\\S+)", "客户 $1 是门店 $2 的客户，不是 $3 的"),
            phrase("customer (\\S+) is a customer of another store than (\\S+)", "客户 $1 是其他门店的客户，不属于 $2"),
            phrase(" \\(a person who is a customer of two stores is two customers, with two ids\\)",
                    "（同一个人在两家门店消费，是两家门店各自的客户，各有编号）"),
            phrase("not an override: write STORE: Type\\.setting = value, e\\.g\\. (.+)",
                    "不是门店设置：应写作 门店: 类型.设置 = 数值，例如 $1"),
            phrase("store (\\S+) sets (\\S+) twice", "门店 $1 重复设置了 $2"),
            phrase("no setting (\\S+) in the rules", "规则中没有设置 $1"),
            phrase("(\\S+) is stored for a customer of store (\\S+), not (\\S+)", "$1 已登记在门店 $2 的客户名下，不属于 $3"),
            phrase("rule error with store (\\S+)'s own settings: ", "按门店 $1 的自有设置运行规则出错："),
            // the nightly pipeline's steps
            phrase("night (\\S+) of store (\\S+) taken by (\\S+)", "门店 $2 的 $1 夜间处理由 $3 执行"),
            phrase("(\\d+) file\\(s\\) in (\\S+)$", "$2 中有 $1 个文件"),
            phrase("(\\S+): import (\\d+) of ([\\w-]+), (\\d+) rows read, (\\d+) imported, (\\d+) rejected → done/",
                    "$1：导入 #$2（$3），读取 $4 行，导入 $5 行，拒绝 $6 行 → done/"),
            phrase("(\\S+): import (\\d+) failed: (.*) → failed/", "$1：导入 #$2 失败：$3 → failed/"),
            phrase("(\\S+): not imported, the name does not start with a kind \\((.*)\\) → failed/",
                    "$1：未导入，文件名不是以数据类别开头（$2）→ failed/"),
            phrase("classification run (\\d+) as of (\\S+): (\\d+) customers", "分类运行 #$1，截至 $2：$3 位客户"),
            phrase("classification run (\\d+) done: (\\d+) customers classified; its call lists are ready",
                    "分类运行 #$1 完成：已分类 $2 位客户，跟进名单已生成"),
            phrase("no inbox configured: nothing to import", "未配置接收目录：没有要导入的文件"),
            phrase("(\\d+) file\\(s\\) failed to import", "$1 个文件导入失败"),
            phrase("^(\\d\\d:\\d\\d:\\d\\d )failed: ", "$1失败："),
            phrase("^duplicate ", "重复的 "));

    private Chinese() {
    }

    /** The message in Chinese, or null when none of its phrases is known. */
    public static String translate(String english) {
        if (english == null || english.isEmpty()) {
            return null;
        }
        String text = english;
        boolean known = false;
        for (Phrase phrase : PHRASES) {
            Matcher matcher = phrase.english().matcher(text);
            if (matcher.find()) {
                text = matcher.replaceAll(phrase.chinese());
                known = true;
            }
        }
        return known ? text : null;
    }

    /** The message in Chinese with the original beside it: {@code 中文（原文：English）}; unknown ones as they are. */
    public static String withOriginal(String english) {
        String chinese = translate(english);
        return chinese == null ? english : chinese + "（原文：" + english + "）";
    }
}
