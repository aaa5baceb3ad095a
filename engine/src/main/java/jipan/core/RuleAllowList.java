package jipan.core;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What compiled rule code may reach outside the classes the rule files themselves produced. It is an
 * allow-list: a class or member that is not named here is refused, whatever it does. It holds
 * <ul>
 *   <li>the fact model ({@code jipan.core.facts}: immutable data, enums);</li>
 *   <li>the engine calls a consequence needs (insert, update/modify, delete) and the engine's model-building
 *       API that the rule compiler generates around the rules;</li>
 *   <li>a small part of the JDK: strings, string building, {@code Math}, boxed numbers, {@code java.time}
 *       (but not the clock), a safe part of {@code java.math}, and creating and reading
 *       {@code java.util} collections (no callbacks, no sizes chosen at run time).</li>
 * </ul>
 * Members that would reach the outside world, the clock, system properties, threads, reflection or class
 * loading are simply not listed. {@code docs/rules.md} says the same in an analyst's words.
 */
final class RuleAllowList {
    private static final String ALL = "*";
    private static final String FACTS = "jipan/core/facts/";
    private static final String RULES = "jipan/rules/";
    /** Where the rule compiler puts the class that describes the project (bases, sessions). */
    private static final String PROJECT_MODEL = "org/drools/project/model/";

    /** The engine's accumulate functions (count, sum, min, max, collectList …): plain computations. */
    private static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

    private static final Set<String> NUMBER_READING = Set.of("valueOf", "intValue", "longValue", "doubleValue",
            "floatValue", "shortValue", "byteValue", "compare", "compareTo", "equals", "hashCode", "toString", "sum",
            "max", "min", "signum", "abs", "isNaN", "isInfinite", "isFinite", "parseInt", "parseLong",
            "parseDouble", "parseFloat", "parseShort", "parseByte");
    private static final Set<String> EXCEPTION = Set.of("<init>", "getMessage");
    private static final Set<String> COLLECTION_READING = Set.of("size", "isEmpty", "contains", "containsAll",
            "equals", "hashCode", "toString");
    private static final Set<String> LIST_METHODS = union(COLLECTION_READING, Set.of("of", "copyOf", "get",
            "indexOf", "lastIndexOf", "subList", "add"));
    private static final Set<String> SET_METHODS = union(COLLECTION_READING, Set.of("of", "copyOf", "add"));
    private static final Set<String> MAP_METHODS = Set.of("of", "copyOf", "size", "isEmpty", "get", "getOrDefault",
            "containsKey", "containsValue", "equals", "hashCode", "toString", "put");
    /** java.time: every value class, except reading the clock ({@code now}) and the machine's zone. */
    private static final Set<String> TIME_EXCEPT = Set.of("now", "systemDefault", "systemDefaultZone", "systemUTC");

    /** Owner → the members (methods and readable static fields) rules may use; {@code *} for all of them. */
    private static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", Set.of("<init>", "length", "isEmpty", "isBlank", "charAt", "equals",
                    "equalsIgnoreCase", "compareTo", "compareToIgnoreCase", "contains", "startsWith", "endsWith",
                    "indexOf", "lastIndexOf", "substring", "toLowerCase", "toUpperCase", "trim", "strip",
                    "stripLeading", "stripTrailing", "valueOf", "concat", "replace", "join", "hashCode", "toString",
                    "format", "formatted", "contentEquals", "CASE_INSENSITIVE_ORDER")),
            Map.entry("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length", "charAt")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/Math", Set.of(ALL)),
            Map.entry("java/lang/StrictMath", Set.of(ALL)),
            Map.entry("java/lang/Integer", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE"))),
            Map.entry("java/lang/Long", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE"))),
            Map.entry("java/lang/Short", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE"))),
            Map.entry("java/lang/Byte", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE"))),
            Map.entry("java/lang/Double", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE", "NaN"))),
            Map.entry("java/lang/Float", union(NUMBER_READING, Set.of("MAX_VALUE", "MIN_VALUE", "TYPE", "NaN"))),
            Map.entry("java/lang/Number", NUMBER_READING),
            Map.entry("java/lang/Boolean", Set.of("valueOf", "booleanValue", "parseBoolean", "compare", "compareTo",
                    "equals", "hashCode", "toString", "logicalAnd", "logicalOr", "logicalXor", "TRUE", "FALSE",
                    "TYPE")),
            Map.entry("java/lang/Character", Set.of("valueOf", "charValue", "isDigit", "isLetter",
                    "isLetterOrDigit", "isWhitespace", "toUpperCase", "toLowerCase", "equals", "hashCode",
                    "toString", "compare", "compareTo", "TYPE")),
            Map.entry("java/lang/Enum", Set.of("<init>", "name", "ordinal", "compareTo", "equals", "hashCode",
                    "toString", "valueOf")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/Exception", EXCEPTION),
            Map.entry("java/lang/RuntimeException", EXCEPTION),
            Map.entry("java/lang/IllegalArgumentException", EXCEPTION),
            Map.entry("java/lang/IllegalStateException", EXCEPTION),
            Map.entry("java/lang/ArithmeticException", EXCEPTION),
            Map.entry("java/lang/NullPointerException", EXCEPTION),
            Map.entry("java/lang/UnsupportedOperationException", EXCEPTION),
            // copying between arrays the code already has: bounded by their sizes, touches nothing else
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/math/BigDecimal", Set.of("<init>", "valueOf", "add", "subtract", "multiply", "divide",
                    "negate", "abs", "compareTo", "signum", "intValue", "longValue", "doubleValue", "equals",
                    "hashCode", "toString", "min", "max", "ZERO", "ONE", "TEN")),
            Map.entry("java/math/BigInteger", Set.of("valueOf", "add", "subtract", "multiply", "negate", "abs",
                    "compareTo", "signum", "intValue", "longValue", "doubleValue", "equals", "hashCode", "toString",
                    "ZERO", "ONE", "TEN")),
            Map.entry("java/math/RoundingMode", Set.of(ALL)),
            Map.entry("java/util/Objects", Set.of("equals", "hashCode", "hash", "isNull", "nonNull",
                    "requireNonNull", "requireNonNullElse", "toString")),
            Map.entry("java/util/Collection", COLLECTION_READING),
            Map.entry("java/util/List", LIST_METHODS),
            Map.entry("java/util/ArrayList", union(LIST_METHODS, Set.of("<init>"))),
            Map.entry("java/util/Set", SET_METHODS),
            Map.entry("java/util/HashSet", union(SET_METHODS, Set.of("<init>"))),
            Map.entry("java/util/Map", MAP_METHODS),
            Map.entry("java/util/HashMap", union(MAP_METHODS, Set.of("<init>"))),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "singletonList",
                    "singleton", "unmodifiableList", "unmodifiableSet", "unmodifiableMap")),
            Map.entry("java/util/Optional", Set.of("of", "ofNullable", "empty", "isPresent", "isEmpty", "get",
                    "orElse", "equals", "hashCode", "toString")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "ROOT", "CHINA", "CHINESE", "SIMPLIFIED_CHINESE", "US",
                    "UK")),
            // the engine, inside a consequence: insert, modify (update) and delete facts, nothing else
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete")),
            Map.entry("org/drools/model/BitMask", Set.of("getPatternMask")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of(ALL)),
            // the engine's model-building API, which the compiler generates around the rules
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of(ALL)),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of(ALL)),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of(ALL)),
            Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", Set.of(ALL)),
            Map.entry("org/drools/model/Index$ConstraintType", Set.of(ALL)),
            Map.entry("org/drools/model/Rule$Attribute", Set.of(ALL)),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("org/kie/api/KieServices", Set.of("get", "newKieModuleModel")),
            Map.entry("org/kie/api/runtime/conf/ClockTypeOption", Set.of("get")),
            Map.entry("org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>")));

    /** Whole packages of value types and constants (no I/O, no global state) whose members rules may use. */
    private static final Set<String> OPEN_PACKAGES = Set.of("java/time/", "java/time/format/", "java/time/temporal/",
            "java/time/chrono/");
    /** Owners whose every member may be used, by prefix: the engine's pattern DSL and builder model. */
    private static final Set<String> OPEN_PREFIXES = Set.of(FACTS, "org/drools/model/PatternDSL",
            "org/drools/model/consequences/ConsequenceBuilder", "org/drools/model/operators/",
            "org/kie/api/builder/model/", "org/kie/api/conf/");

    /** Classes a generated class may extend or implement. */
    private static final Set<String> SUPERTYPES = Set.of("java/lang/Object", "java/lang/Enum",
            "java/io/Serializable", "java/lang/Comparable", "org/drools/base/factmodel/GeneratedFact",
            "org/drools/base/factmodel/AccessibleFact", "org/drools/model/DomainClassMetadata",
            "org/drools/model/functions/HashedExpression", "org/drools/model/Model",
            "org/drools/modelcompiler/CanonicalModel", "org/drools/model/impl/ModelComponent");
    private static final Set<String> SUPERTYPE_PREFIXES = Set.of(FACTS, "org/drools/model/functions/",
            "org/drools/modelcompiler/", "org/drools/model/codegen/project/", "org/drools/modelcompiler/dsl/");

    /** Classes whose constructor takes a capacity: allowed empty or from values only. */
    private static final Set<String> SIZED = Set.of("java/lang/StringBuilder", "java/util/ArrayList",
            "java/util/HashSet", "java/util/HashMap");

    private static final Set<String> CATCHABLE = Set.of("java/lang/Exception", "java/lang/RuntimeException",
            "java/lang/IllegalArgumentException", "java/lang/IllegalStateException", "java/lang/ArithmeticException",
            "java/lang/NullPointerException", "java/lang/NumberFormatException",
            "java/lang/UnsupportedOperationException", "java/time/DateTimeException");

    private RuleAllowList() {
    }

    static boolean isGeneratedPackage(String internalName) {
        return internalName.startsWith(RULES) || internalName.startsWith(PROJECT_MODEL);
    }

    static boolean isAllowedSupertype(String internalName) {
        return SUPERTYPES.contains(internalName) || SUPERTYPE_PREFIXES.stream().anyMatch(internalName::startsWith);
    }

    static boolean isCatchable(String internalName) {
        return CATCHABLE.contains(internalName);
    }

    static boolean isAllowedType(String internalName) {
        // a class constant is harmless while no method of Class is allowed (the compiler passes fact types)
        return MEMBERS.containsKey(internalName) || isOpen(internalName) || CATCHABLE.contains(internalName)
                || internalName.equals("java/lang/Class") || internalName.equals("java/util/function/Supplier")
                || internalName.startsWith(ACCUMULATORS)
                || internalName.startsWith("org/drools/model/") || internalName.startsWith("org/drools/modelcompiler/");
    }

    static boolean isAllowedCall(String owner, String name, String desc) {
        if (isOpen(owner)) {
            return !(OPEN_PACKAGES.contains(packageOf(owner)) && TIME_EXCEPT.contains(name));
        }
        if (owner.startsWith(ACCUMULATORS) && owner.endsWith("AccumulateFunction") && name.equals("<init>")) {
            return true;
        }
        Set<String> members = MEMBERS.get(owner);
        if (members == null || !(members.contains(ALL) || members.contains(name))) {
            return false;
        }
        // no capacity chosen at run time: new StringBuilder(int), new ArrayList(int), new HashMap(int, float) …
        return !(name.equals("<init>") && desc.startsWith("(I") && SIZED.contains(owner));
    }

    static boolean isAllowedField(String owner, String name) {
        if (isOpen(owner)) {
            return true;
        }
        Set<String> members = MEMBERS.get(owner);
        return members != null && (members.contains(ALL) || members.contains(name));
    }

    private static boolean isOpen(String owner) {
        return OPEN_PACKAGES.contains(packageOf(owner)) || OPEN_PREFIXES.stream().anyMatch(owner::startsWith);
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/') + 1);
    }

    /** Why a member is refused, in words an analyst can act on. */
    static String explain(String owner, String name) {
        String what = owner.replace('/', '.').replace('$', '.') + (name == null ? "" : "." + name);
        String why;
        if (owner.startsWith("java/io/") || owner.startsWith("java/nio/") || owner.equals("java/util/Formatter")
                || owner.equals("java/util/Scanner") || owner.startsWith("java/util/zip/")) {
            why = "rules may not open or write files";
        } else if (owner.startsWith("java/net/") || owner.startsWith("javax/net/") || owner.startsWith("java/rmi/")) {
            why = "rules may not use the network";
        } else if (owner.equals("java/lang/System") || owner.equals("java/lang/Runtime")
                || owner.startsWith("java/lang/Process") || owner.equals("java/lang/Shutdown")) {
            why = "rules may not reach the system (processes, properties, environment, exit)";
        } else if (owner.startsWith("java/lang/Thread") || owner.startsWith("java/util/concurrent/")
                || owner.equals("java/util/Timer") || owner.equals("java/lang/ThreadGroup")) {
            why = "rules may not start threads or wait";
        } else if (owner.startsWith("java/lang/reflect/") || owner.startsWith("java/lang/invoke/")
                || owner.equals("java/lang/Class") || owner.contains("ClassLoader") || owner.equals("java/lang/Module")
                || owner.equals("java/lang/ModuleLayer") || owner.startsWith("sun/") || owner.startsWith("jdk/")) {
            why = "rules may not use reflection or load classes";
        } else if (owner.startsWith("javax/script/") || owner.startsWith("org/mvel2/") || owner.startsWith("groovy/")
                || owner.startsWith("jdk/jshell/") || owner.startsWith("javax/tools/")) {
            why = "rules may not run scripts or compile code";
        } else if (owner.startsWith("java/sql/") || owner.startsWith("javax/sql/") || owner.startsWith("org/h2/")
                || owner.startsWith("org/postgresql/") || owner.startsWith("org/jdbi/")) {
            why = "rules may not reach the database";
        } else if (owner.startsWith("javax/naming/") || owner.startsWith("javax/management/")
                || owner.startsWith("java/lang/management/") || owner.startsWith("java/util/logging/")
                || owner.startsWith("org/slf4j/") || owner.startsWith("ch/qos/") || owner.startsWith("java/beans/")
                || owner.startsWith("java/util/prefs/") || owner.startsWith("java/security/")) {
            why = "rules may not use naming, management, logging, security or preference services";
        } else if (owner.startsWith("java/time/") && TIME_EXCEPT.contains(name)) {
            why = "rules may not read the clock or the machine's time zone: use AsOf, the date the answer is for";
        } else if (owner.equals("java/util/TimeZone") || owner.equals("java/util/Locale")) {
            why = "rules may not read or change the machine's time zone or locale";
        } else if (owner.startsWith("org/drools/") || owner.startsWith("org/kie/")) {
            why = "rules may use the engine only to insert, modify and delete facts";
        } else if ("<init>".equals(name) && MEMBERS.containsKey(owner)) {
            why = "rules may create " + owner.substring(owner.lastIndexOf('/') + 1) + " empty or from values, not with "
                    + "a capacity chosen at run time";
        } else if (owner.startsWith("java/util/") && name != null) {
            why = "rules may create and read collections, but not use " + name
                    + " (no callbacks, streams or sizes chosen at run time)";
        } else if (owner.equals("java/lang/String") && name != null) {
            why = "rules may not use String." + name + " (repeat, regular expressions and the like can be unbounded)";
        } else if (owner.equals("java/lang/Object") && name != null) {
            why = "rules may use equals, hashCode and toString of an object, not " + name;
        } else {
            why = "rules may not use it";
        }
        return why + " (" + what + " is not on the list of what rules may use: see docs/rules.md)";
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
