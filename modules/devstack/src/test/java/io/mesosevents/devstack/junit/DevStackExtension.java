package io.mesosevents.devstack.junit;

import io.mesosevents.devstack.DevStack;
import io.mesosevents.devstack.DevStackConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one shared {@link DevStack} (real KRaft broker and schema registry) per
 * test run: {@code @ExtendWith(DevStackExtension.class)} and a {@code DevStack} parameter on a test,
 * constructor or lifecycle method. The stack starts on first use, lives in the root context's store
 * and is closed by JUnit when the run ends. Tests share it, so each should use its own topic names.
 */
public final class DevStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DevStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(DevStack.class, key -> DevStack.start(DevStackConfig.ephemeral()), DevStack.class);
    }
}
