package io.handlestck.kit.run;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many results a case method will produce, before it runs: one per variant. JUnit knows a
 * parameterized test's invocations only as it executes them, so the progress counter reads them from
 * the sources the cases declare (values, enum constants, factory methods). A source this class does not
 * understand makes the count unknown rather than wrong.
 */
final class VariantCount {

    private VariantCount() {
    }

    static OptionalInt of(Method method) {
        if (method.isAnnotationPresent(Test.class)) {
            return OptionalInt.of(1);
        }
        if (!method.isAnnotationPresent(ParameterizedTest.class)) {
            return OptionalInt.empty();
        }
        int count = 0;
        int sources = 0;
        ValueSource values = method.getAnnotation(ValueSource.class);
        if (values != null) {
            count += valueCount(values);
            sources++;
        }
        EnumSource enums = method.getAnnotation(EnumSource.class);
        if (enums != null) {
            OptionalInt constants = enumCount(enums, method);
            if (constants.isEmpty()) {
                return constants;
            }
            count += constants.getAsInt();
            sources++;
        }
        MethodSource factories = method.getAnnotation(MethodSource.class);
        if (factories != null) {
            OptionalInt made = factoryCount(factories, method);
            if (made.isEmpty()) {
                return made;
            }
            count += made.getAsInt();
            sources++;
        }
        // Any other source annotation would add invocations this count does not see.
        long declared = Arrays.stream(method.getAnnotations()).filter(annotation -> annotation.annotationType()
                .getPackageName().equals(ValueSource.class.getPackageName())).count();
        return sources == 0 || declared != sources ? OptionalInt.empty() : OptionalInt.of(count);
    }

    private static int valueCount(ValueSource source) {
        return Math.max(Math.max(Math.max(source.strings().length, source.ints().length),
                        Math.max(source.longs().length, source.doubles().length)),
                Math.max(Math.max(source.booleans().length, source.chars().length),
                        Math.max(Math.max(source.shorts().length, source.bytes().length),
                                Math.max(source.floats().length, source.classes().length))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static OptionalInt enumCount(EnumSource source, Method method) {
        Class<?> type = source.value();
        if (!type.isEnum()) { // the default: the first parameter's type
            type = method.getParameterCount() == 0 ? Object.class : method.getParameterTypes()[0];
        }
        if (!type.isEnum()) {
            return OptionalInt.empty();
        }
        int constants = type.getEnumConstants().length;
        int names = source.names().length;
        return switch (source.mode()) {
            case INCLUDE -> OptionalInt.of(names == 0 ? constants : names);
            case EXCLUDE -> OptionalInt.of(constants - names);
            default -> OptionalInt.empty();
        };
    }

    private static OptionalInt factoryCount(MethodSource source, Method method) {
        String[] names = source.value().length == 0 ? new String[] {method.getName()} : source.value();
        int count = 0;
        for (String name : names) {
            if (name.contains("(")) {
                return OptionalInt.empty();
            }
            try {
                Method factory = factory(name, method.getDeclaringClass());
                factory.setAccessible(true);
                OptionalInt made = size(factory.invoke(null));
                if (made.isEmpty()) {
                    return made;
                }
                count += made.getAsInt();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(count);
    }

    /** A factory named as {@code @MethodSource} names it: a method of the case's class, or {@code Class#method}. */
    private static Method factory(String name, Class<?> caseClass) throws ReflectiveOperationException {
        int hash = name.indexOf('#');
        if (hash < 0) {
            return caseClass.getDeclaredMethod(name);
        }
        return Class.forName(name.substring(0, hash), false, caseClass.getClassLoader())
                .getDeclaredMethod(name.substring(hash + 1));
    }

    private static OptionalInt size(Object arguments) {
        if (arguments instanceof BaseStream<?, ?> stream) {
            try (stream) {
                long[] count = {0};
                stream.iterator().forEachRemaining(ignored -> count[0]++);
                return OptionalInt.of((int) count[0]);
            }
        }
        if (arguments instanceof Collection<?> collection) {
            return OptionalInt.of(collection.size());
        }
        if (arguments != null && arguments.getClass().isArray()) {
            return OptionalInt.of(Array.getLength(arguments));
        }
        return OptionalInt.empty();
    }
}
