package org.creditkit.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.monitor.WarningLevel;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.core.monitor.WarningSignal;
import org.creditkit.core.quality.DataQualityFlag;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule file may use, enumerated: the fact type, the policy's helper types and their
 * methods, and a short list of JDK value types with the methods that cannot reach outside the
 * decision, allocate without bound or block. Everything not listed here is refused by
 * {@link RuleChecker}.
 *
 * <p>A method entry is a name ({@code "add"}) or a name with its number of arguments
 * ({@code "valueOf/1"}) when other arities are unsafe ({@code BigDecimal.valueOf(1, -999999999)}
 * is a billion-digit number once printed). Left out on purpose: {@code String.repeat},
 * {@code String.format} (a width is an allocation), regular expressions ({@code matches},
 * {@code replaceAll}, {@code split}: catastrophic backtracking), {@code BigDecimal.pow},
 * {@code setScale}, {@code scaleByPowerOfTen}, {@code movePoint*}, {@code LocalDate.now()} and
 * {@code Math.random()} (a decision depends on its input only), and every {@code getClass}.
 */
final class AllowList {

    /** The only fact type a decision policy's pattern may match: one {@link Case} per decision. */
    static final Class<?> FACT = Case.class;
    /**
     * Every fact type: {@link Case} for decision policies, {@link WarningCase} (one per loan-month) for
     * early-warning rules; each rule set's checker allows exactly one of them in patterns.
     */
    static final Set<Class<?>> FACTS = Set.of(Case.class, WarningCase.class);

    /** Simple name to type, for every type a rule may name. */
    private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();
    /** Type to its allowed instance methods. */
    private static final Map<Class<?>, Set<String>> INSTANCE = new HashMap<>();
    /** Type to its allowed static methods. */
    private static final Map<Class<?>, Set<String>> STATIC = new HashMap<>();
    /** Fully qualified names a rule file may import (besides the {@code org.creditkit.rules.*} wildcard). */
    private static final Set<String> IMPORTS;

    /** Our own value types: every public instance method they declare, minus the ones listed. */
    private static final Map<Class<?>, Set<String>> POLICY_TYPES = Map.ofEntries(
            Map.entry(Case.class, Set.of("verdicts")),
            Map.entry(RuleInput.class, Set.of("toBuilder")),
            Map.entry(PolicyParameters.class, Set.of()),
            Map.entry(ProductPolicy.class, Set.of()),
            Map.entry(Eligibility.class, Set.of()),
            Map.entry(Criterion.class, Set.of()),
            Map.entry(IndustryMultiple.class, Set.of()),
            Map.entry(Reason.class, Set.of()),
            Map.entry(LossModel.class, Set.of()),
            Map.entry(ExpectedLoss.class, Set.of()),
            Map.entry(ListStanding.class, Set.of()),
            Map.entry(RepairPeriods.class, Set.of()),
            Map.entry(WarningCase.class, Set.of()),
            Map.entry(WarningParameters.class, Set.of()));

    private static final List<Class<?>> ENUMS = List.of(Tier.class, MitigationMeasure.class, DebtorStatus.class,
            SizeClass.class, GuaranteeType.class, DataQualityFlag.class, DataSource.class, QualificationKind.class,
            RoundingMode.class,
            ChronoUnit.class, DayOfWeek.class, Month.class, WarningLevel.class, WarningSignal.class);

    static {
        for (Map.Entry<Class<?>, Set<String>> e : POLICY_TYPES.entrySet()) {
            Class<?> t = e.getKey();
            TYPES.put(t.getSimpleName(), t);
            Set<String> names = new java.util.TreeSet<>();
            for (Method m : t.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                        && !e.getValue().contains(m.getName())) {
                    names.add(m.getName());
                }
            }
            INSTANCE.put(t, Set.copyOf(names));
            STATIC.put(t, Set.of());
        }
        // the policy's pure static helpers
        STATIC.put(LossModel.class, Set.of("percent", "withinAppetite"));
        // the catalogue indicators by id: read one value or its missing state, nothing else (no factories)
        type(Indicators.class, Set.of("value/1", "missing/1"), Set.of());
        // a product id (products are data): its id and the built-in constants Product.GENERAL ...
        type(Product.class, Set.of("id", "equals", "hashCode", "toString"), Set.of());
        for (Class<?> t : ENUMS) {
            TYPES.put(t.getSimpleName(), t);
            INSTANCE.put(t, Set.of("name", "ordinal", "compareTo", "equals", "toString"));
            STATIC.put(t, Set.of("valueOf/1"));
        }
        INSTANCE.put(ChronoUnit.class, Set.of("name", "ordinal", "compareTo", "equals", "toString", "between"));
        type(Object.class, Set.of("equals", "hashCode", "toString"), Set.of());
        type(Comparable.class, Set.of("compareTo"), Set.of());
        type(Math.class, Set.of(), Set.of("abs", "max", "min", "round", "floor", "ceil", "rint", "signum", "sqrt",
                "cbrt", "log", "log10", "log1p", "exp", "expm1", "pow", "hypot", "floorDiv", "floorMod"));
        type(String.class, Set.of("length", "isEmpty", "isBlank", "charAt", "equals", "equalsIgnoreCase",
                "compareTo", "compareToIgnoreCase", "startsWith", "endsWith", "contains", "indexOf", "lastIndexOf",
                "substring", "toUpperCase", "toLowerCase", "trim", "strip", "stripLeading", "stripTrailing",
                "concat", "hashCode", "toString"), Set.of("valueOf/1"));
        Set<String> number = Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals", "toString",
                "hashCode");
        type(Integer.class, number, Set.of("valueOf/1", "compare", "min", "max", "signum"));
        type(Long.class, number, Set.of("valueOf/1", "compare", "min", "max", "signum"));
        type(Double.class, Set.of("intValue", "longValue", "doubleValue", "compareTo", "equals", "toString",
                "hashCode", "isNaN", "isInfinite"), Set.of("valueOf/1", "compare", "min", "max", "isNaN",
                "isFinite", "isInfinite"));
        type(Boolean.class, Set.of("booleanValue", "equals", "toString", "compareTo"),
                Set.of("valueOf/1", "compare", "logicalAnd", "logicalOr", "logicalXor"));
        type(BigDecimal.class, Set.of("add", "subtract", "multiply", "divide/1", "divide/2", "remainder/1",
                "min", "max", "compareTo", "equals", "negate", "abs/0", "signum", "scale", "precision",
                "doubleValue", "intValue", "longValue", "toPlainString", "toString", "hashCode"), Set.of("valueOf/1"));
        type(MathContext.class, Set.of("getPrecision", "getRoundingMode", "toString"), Set.of());
        type(LocalDate.class, Set.of("getYear", "getMonthValue", "getMonth", "getDayOfMonth", "getDayOfWeek",
                "getDayOfYear", "lengthOfMonth", "lengthOfYear", "isLeapYear", "isBefore", "isAfter", "isEqual",
                "plusDays", "plusWeeks", "plusMonths", "plusYears", "minusDays", "minusWeeks", "minusMonths",
                "minusYears", "compareTo", "equals", "toString", "hashCode", "toEpochDay"), Set.of("of/3"));
        Set<String> collection = Set.of("size", "isEmpty", "contains", "containsAll", "equals", "hashCode",
                "toString");
        type(Collection.class, collection, Set.of());
        type(List.class, Set.of("size", "isEmpty", "contains", "containsAll", "get", "indexOf", "lastIndexOf",
                "equals", "hashCode", "toString"), Set.of());
        type(Set.class, collection, Set.of());
        type(Map.class, Set.of("size", "isEmpty", "containsKey", "containsValue", "get", "getOrDefault", "equals",
                "hashCode", "toString"), Set.of());
        // the consequence's 'drools' helper: only the name of the firing rule
        INSTANCE.put(RuleContext.class, Set.of("getRule"));
        INSTANCE.put(Rule.class, Set.of("getName"));
        Set<String> imports = new java.util.TreeSet<>();
        for (Class<?> t : TYPES.values()) {
            if (!t.getPackageName().equals("java.lang")) {
                imports.add(t.getName());
            }
        }
        IMPORTS = Set.copyOf(imports);
    }

    private AllowList() {
    }

    private static void type(Class<?> t, Set<String> instance, Set<String> statics) {
        TYPES.put(t.getSimpleName(), t);
        INSTANCE.put(t, instance);
        STATIC.put(t, statics);
    }

    /** The type a simple name in a rule file denotes, or null when it names no allowed type. */
    static Class<?> type(String simpleName) {
        return TYPES.get(simpleName);
    }

    /** Whether an import target ({@code a.b.C} or {@code a.b.*}) may appear in a rule file. */
    static boolean importAllowed(String target) {
        return target.equals("org.creditkit.rules.*") || IMPORTS.contains(target)
                || TYPES.containsKey(target) && TYPES.get(target).getPackageName().equals("java.lang");
    }

    /** Whether {@code type} (or a supertype that declares it) allows instance method {@code name}/{@code arity}. */
    static boolean instanceAllowed(Class<?> type, String name, int arity) {
        if (type.isArray()) {
            return false;
        }
        for (Class<?> t : supertypes(type)) {
            Set<String> names = INSTANCE.get(t);
            if (names != null && (names.contains(name) || names.contains(name + "/" + arity)) && declares(t, name, arity)) {
                return true;
            }
        }
        return false;
    }

    /** Whether static method {@code name}/{@code arity} of {@code type} is allowed. */
    static boolean staticAllowed(Class<?> type, String name, int arity) {
        Set<String> names = STATIC.get(type);
        return names != null && (names.contains(name) || names.contains(name + "/" + arity));
    }

    /** Whether {@code type.name} is an allowed constant: an enum constant or a public static final field of an allowed type. */
    static boolean constantAllowed(Class<?> type, String name) {
        if (!TYPES.containsValue(type)) {
            return false;
        }
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
                    && (f.getType().isPrimitive() || TYPES.containsValue(f.getType()));
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Every type an allowed-type list mentions, for documentation and tests. */
    static Map<String, Class<?>> types() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    private static boolean declares(Class<?> t, String name, int arity) {
        for (Method m : t.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                return true;
            }
        }
        return false;
    }

    /** The type, its superclasses and all its interfaces, nearest first. */
    static List<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> out = new java.util.ArrayList<>();
        java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> t = todo.poll();
            if (t == null || out.contains(t)) {
                continue;
            }
            out.add(t);
            if (t.getSuperclass() != null) {
                todo.add(t.getSuperclass());
            }
            todo.addAll(List.of(t.getInterfaces()));
        }
        if (!out.contains(Object.class)) {
            out.add(Object.class);
        }
        return out;
    }
}
