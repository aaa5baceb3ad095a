package jipan.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Checks the JVM classes compiled from rule files before any of them is loaded. Every method call, field
 * access, object or array creation, class constant, invokedynamic bootstrap and lambda target must be on
 * the allow-list in {@link RuleAllowList}: the classes the rules themselves produced, the fact model, the
 * engine calls a consequence needs, and a small reading part of the JDK. Nothing else is allowed, so there is
 * no list of bad things to keep complete. The rule code must also be bounded by construction: no backward
 * branch (no loop), no call cycle among the generated methods (no recursion), no array of a size computed
 * at run time, no lock, and {@code String.format} (or {@code Because.format}) only with a constant format of
 * modest widths.
 */
final class RuleVerifier {
    /** The largest array a rule may create (generated code builds small constant-size arrays). */
    static final int MAX_ARRAY_LENGTH = 1_024;
    /** {@link jipan.core.facts.Because}: formats like {@code String.format} (and falls back to it). */
    private static final String BECAUSE = "jipan/core/facts/Because";
    /** The widest field a {@code String.format} pattern may ask for. */
    static final int MAX_FORMAT_WIDTH = 100;

    private static final Pattern FORMAT_SPEC = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*(\\d+)?(\\.(\\d+))?[a-zA-Z%]");

    /** One thing a rule class does that rules may not do. {@code member} is the name an analyst would write. */
    record Violation(String className, String method, String member, String message) {
    }

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    /** Calls between generated methods ("owner.name+desc" → callees), for the recursion check. */
    private final Map<String, Set<String>> calls = new HashMap<>();

    private RuleVerifier(Map<String, byte[]> classFiles) {
        classFiles.forEach((name, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        });
    }

    /**
     * @param classFiles every class the rule compiler produced, by file name; none of them may have been loaded
     * @return what is not allowed, empty when the classes may be loaded
     */
    static List<Violation> verify(Map<String, byte[]> classFiles) {
        RuleVerifier verifier = new RuleVerifier(classFiles);
        verifier.classes.values().forEach(verifier::verifyClass);
        verifier.verifyNoRecursion();
        return List.copyOf(verifier.violations);
    }

    private void verifyClass(ClassNode node) {
        if (!RuleAllowList.isGeneratedPackage(node.name)) {
            refuse(node, null, node.name.replace('/', '.'), "rules may only declare types in their own package "
                    + "(package jipan.rules)");
        }
        if (node.superName != null && !classes.containsKey(node.superName)
                && !RuleAllowList.isAllowedSupertype(node.superName)) {
            refuse(node, null, simple(node.superName), "a declared type may not extend " + dotted(node.superName));
        }
        for (String implemented : node.interfaces) {
            if (!classes.containsKey(implemented) && !RuleAllowList.isAllowedSupertype(implemented)) {
                refuse(node, null, simple(implemented), "a declared type may not implement " + dotted(implemented));
            }
        }
        for (MethodNode method : node.methods) {
            verifyMethod(node, method);
        }
    }

    private void verifyMethod(ClassNode owner, MethodNode method) {
        if ((method.access & Opcodes.ACC_NATIVE) != 0 || (method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            refuse(owner, method, method.name, "rules may not declare native or synchronized methods");
        }
        if (method.name.equals("finalize")) {
            refuse(owner, method, method.name, "rules may not run code when the garbage collector frees an object");
        }
        Map<LabelNode, Integer> labels = new IdentityHashMap<>();
        AbstractInsnNode[] code = method.instructions.toArray();
        for (int i = 0; i < code.length; i++) {
            if (code[i] instanceof LabelNode label) {
                labels.put(label, i);
            }
        }
        boolean formats = false;
        for (int i = 0; i < code.length; i++) {
            AbstractInsnNode insn = code[i];
            if (insn instanceof JumpInsnNode jump) {
                backward(owner, method, i, labels, jump.label);
            } else if (insn instanceof TableSwitchInsnNode table) {
                backward(owner, method, i, labels, table.dflt);
                for (LabelNode target : table.labels) {
                    backward(owner, method, i, labels, target);
                }
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                backward(owner, method, i, labels, lookup.dflt);
                for (LabelNode target : lookup.labels) {
                    backward(owner, method, i, labels, target);
                }
            } else if (insn instanceof MethodInsnNode call) {
                call(owner, method, call.owner, call.name, call.desc);
                formats |= isFormat(call);
            } else if (insn instanceof FieldInsnNode field) {
                field(owner, method, field);
            } else if (insn instanceof TypeInsnNode type) {
                if (type.getOpcode() != Opcodes.NEW) { // a new object is judged by the constructor it calls
                    type(owner, method, Type.getObjectType(type.desc));
                }
                if (type.getOpcode() == Opcodes.ANEWARRAY) {
                    arrayLength(owner, method, code, i);
                }
            } else if (insn instanceof IntInsnNode intInsn && intInsn.getOpcode() == Opcodes.NEWARRAY) {
                arrayLength(owner, method, code, i);
            } else if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
                refuse(owner, method, "new [][]", "rules may not create arrays of arrays");
            } else if (insn instanceof LdcInsnNode ldc) {
                constant(owner, method, ldc.cst);
            } else if (insn instanceof InvokeDynamicInsnNode indy) {
                dynamic(owner, method, indy);
            } else if (insn.getOpcode() == Opcodes.MONITORENTER || insn.getOpcode() == Opcodes.MONITOREXIT) {
                refuse(owner, method, "synchronized", "rules may not take locks (synchronized)");
            }
        }
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            if (handler.type != null && !RuleAllowList.isCatchable(handler.type)) {
                refuse(owner, method, simple(handler.type), "rules may catch exceptions, not "
                        + dotted(handler.type) + " (the engine's own limits must not be caught)");
            }
        }
        if (formats) {
            verifyFormats(owner, method);
        }
    }

    private void backward(ClassNode owner, MethodNode method, int at, Map<LabelNode, Integer> labels, LabelNode target) {
        Integer to = labels.get(target);
        if (to != null && to <= at) {
            refuse(owner, method, "loop", "rules may not loop (for, while, do): use accumulate, or a rule that "
                    + "fires once for each fact");
        }
    }

    private void call(ClassNode owner, MethodNode method, String callee, String name, String desc) {
        if (callee.startsWith("[")) {
            if (!name.equals("clone")) {
                refuse(owner, method, name, "rules may not call " + name + " on an array");
            }
            return;
        }
        String declaring = declaringGenerated(callee, name, desc);
        if (declaring != null) {
            calls.computeIfAbsent(key(owner.name, method), k -> new LinkedHashSet<>()).add(declaring + "." + name + desc);
            return;
        }
        String external = firstExternal(callee);
        if (!RuleAllowList.isAllowedCall(external, name, desc)) {
            refuse(owner, method, simple(external) + "." + name, RuleAllowList.explain(external, name));
        }
    }

    /** The generated class that declares {@code name+desc}, looking up from {@code owner}, or null. */
    private String declaringGenerated(String owner, String name, String desc) {
        ClassNode node = classes.get(owner);
        while (node != null) {
            for (MethodNode candidate : node.methods) {
                if (candidate.name.equals(name) && candidate.desc.equals(desc)) {
                    return node.name;
                }
            }
            node = classes.get(node.superName);
        }
        return null;
    }

    /** The first class above (or at) {@code owner} that the rules did not produce: whose member is called. */
    private String firstExternal(String owner) {
        String current = owner;
        while (classes.containsKey(current)) {
            current = classes.get(current).superName;
        }
        return current;
    }

    private void field(ClassNode owner, MethodNode method, FieldInsnNode field) {
        boolean write = field.getOpcode() == Opcodes.PUTFIELD || field.getOpcode() == Opcodes.PUTSTATIC;
        if (classes.containsKey(field.owner)) {
            if (field.getOpcode() == Opcodes.PUTSTATIC && !method.name.equals("<clinit>")) {
                refuse(owner, method, field.name, "rules may not keep state between customers (static fields)");
            }
            return;
        }
        if (write || !RuleAllowList.isAllowedField(field.owner, field.name)) {
            refuse(owner, method, simple(field.owner) + "." + field.name, write
                    ? "rules may not change fields of " + dotted(field.owner)
                    : RuleAllowList.explain(field.owner, field.name));
        }
        type(owner, method, Type.getType(field.desc));
    }

    private void type(ClassNode owner, MethodNode method, Type type) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() != Type.OBJECT) {
            return;
        }
        String name = element.getInternalName();
        if (!classes.containsKey(name) && !RuleAllowList.isAllowedType(name)) {
            refuse(owner, method, simple(name), RuleAllowList.explain(name, null));
        }
    }

    private void constant(ClassNode owner, MethodNode method, Object constant) {
        if (constant instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                refuse(owner, method, "MethodType", "rules may not use method handles");
            } else {
                type(owner, method, type);
            }
        } else if (constant instanceof Handle || constant instanceof ConstantDynamic) {
            refuse(owner, method, "MethodHandle", "rules may not use method handles");
        }
    }

    private void dynamic(ClassNode owner, MethodNode method, InvokeDynamicInsnNode indy) {
        Handle bootstrap = indy.bsm;
        if (bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")
                && bootstrap.getName().equals("makeConcatWithConstants")) {
            return;
        }
        if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                && (bootstrap.getName().equals("metafactory") || bootstrap.getName().equals("altMetafactory"))
                && indy.bsmArgs.length >= 2 && indy.bsmArgs[1] instanceof Handle target) {
            Type functional = Type.getReturnType(indy.desc);
            type(owner, method, functional);
            call(owner, method, target.getOwner(), target.getName(), target.getDesc());
            return;
        }
        refuse(owner, method, bootstrap.getName(), "rules may not use invokedynamic with "
                + dotted(bootstrap.getOwner()) + "." + bootstrap.getName());
    }

    private void arrayLength(ClassNode owner, MethodNode method, AbstractInsnNode[] code, int at) {
        List<AbstractInsnNode> before = new ArrayList<>();
        for (int i = at - 1; i >= 0 && before.size() < 3; i--) {
            if (code[i].getOpcode() >= 0) { // labels, line numbers and frames are not instructions
                before.add(code[i]);
            }
        }
        Integer length = before.isEmpty() ? null : constantInt(before.get(0));
        // the length of an array the code already holds, as compiled enums' values() copy their constants
        boolean copiesAnArray = !before.isEmpty() && (before.get(0).getOpcode() == Opcodes.ARRAYLENGTH
                || before.size() == 3 && before.get(0).getOpcode() == Opcodes.ISTORE
                && before.get(1).getOpcode() == Opcodes.DUP && before.get(2).getOpcode() == Opcodes.ARRAYLENGTH);
        if (!copiesAnArray && (length == null || length < 0 || length > MAX_ARRAY_LENGTH)) {
            refuse(owner, method, "new []", "rules may not create arrays whose size is computed at run time "
                    + "(or larger than " + MAX_ARRAY_LENGTH + ")");
        }
    }

    private static Integer constantInt(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
            return opcode - Opcodes.ICONST_0;
        }
        if (insn instanceof IntInsnNode push && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) {
            return push.operand;
        }
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer value) {
            return value;
        }
        return null;
    }

    private static boolean isFormat(MethodInsnNode call) {
        return call.owner.equals("java/lang/String") && (call.name.equals("format") || call.name.equals("formatted"))
                || call.owner.equals(BECAUSE) && (call.name.equals("format") || call.name.equals("formatted"));
    }

    /** How the rule file spells a format call: {@code String.format} or {@code Because.format}. */
    private static String formatName(MethodInsnNode call) {
        return call.owner.equals(BECAUSE) ? "Because.format" : "String.format";
    }

    /** A format string is a constant, with no width or precision above {@link #MAX_FORMAT_WIDTH}. */
    private void verifyFormats(ClassNode owner, MethodNode method) {
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        } catch (AnalyzerException e) {
            refuse(owner, method, "String.format", "the compiled rule could not be analysed: " + e.getMessage());
            return;
        }
        AbstractInsnNode[] code = method.instructions.toArray();
        for (int i = 0; i < code.length; i++) {
            if (code[i] instanceof MethodInsnNode call && isFormat(call) && frames[i] != null) {
                Frame<SourceValue> frame = frames[i];
                String name = formatName(call);
                // format(String, Object[]), format(Locale, String, Object[]) and "…".formatted(Object[]) all
                // have the pattern just below the arguments array on the stack
                SourceValue pattern = frame.getStack(frame.getStackSize() - 2);
                String text = pattern.insns.size() == 1 && pattern.insns.iterator().next() instanceof LdcInsnNode ldc
                        && ldc.cst instanceof String constant ? constant : null;
                if (text == null) {
                    refuse(owner, method, name, name + " needs the format written out as a constant string");
                    continue;
                }
                Matcher spec = FORMAT_SPEC.matcher(text);
                while (spec.find()) {
                    int width = spec.group(2) == null ? 0 : parse(spec.group(2));
                    int precision = spec.group(4) == null ? 0 : parse(spec.group(4));
                    if (width > MAX_FORMAT_WIDTH || precision > MAX_FORMAT_WIDTH) {
                        refuse(owner, method, name, name + " may pad or cut to at most " + MAX_FORMAT_WIDTH
                                + " characters ('" + spec.group() + "')");
                    }
                }
            }
        }
    }

    private static int parse(String digits) {
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** Functions may not call themselves, directly or through each other. */
    private void verifyNoRecursion() {
        Map<String, Integer> state = new HashMap<>();
        for (String start : new TreeSet<>(calls.keySet())) { // sorted: the same report every time
            if (!state.containsKey(start)) {
                Deque<String> path = new ArrayDeque<>();
                cycle(start, state, path);
            }
        }
    }

    /** Depth-first search: 1 on the current path, 2 done. Reports one violation per cycle found. */
    private void cycle(String method, Map<String, Integer> state, Deque<String> path) {
        state.put(method, 1);
        path.addLast(method);
        for (String callee : calls.getOrDefault(method, Set.of())) {
            Integer seen = state.get(callee);
            if (seen == null) {
                cycle(callee, state, path);
            } else if (seen == 1) {
                List<String> loop = new ArrayList<>();
                boolean in = false;
                for (String step : path) {
                    in |= step.equals(callee);
                    if (in) {
                        loop.add(methodName(step));
                    }
                }
                loop.add(methodName(callee));
                String className = callee.substring(0, callee.lastIndexOf('.'));
                violations.add(new Violation(className, methodName(callee), methodName(callee),
                        "rules may not call themselves (recursion): " + String.join(" → ", loop)));
            }
        }
        path.removeLast();
        state.put(method, 2);
    }

    private static String methodName(String key) {
        String nameAndDesc = key.substring(key.lastIndexOf('.') + 1);
        return nameAndDesc.substring(0, nameAndDesc.indexOf('('));
    }

    private static String key(String owner, MethodNode method) {
        return owner + "." + method.name + method.desc;
    }

    private void refuse(ClassNode owner, MethodNode method, String member, String message) {
        violations.add(new Violation(owner.name, method == null ? null : method.name, member, message));
    }

    private static String simple(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }
}
