package io.github.zuplojwt.support;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * Starts the {@link TestGateway} gateways of a test class before its first test, one per
 * annotated field, and stops them after its last.
 */
final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) throws IllegalAccessException {
		for (Field field : fields(context.getRequiredTestClass())) {
			if (field.get(null) == null) {
				field.set(null, Gateway.start(field.getAnnotation(TestGateway.class)));
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IllegalAccessException {
		for (Field field : fields(context.getRequiredTestClass())) {
			Gateway gateway = (Gateway) field.get(null);
			if (gateway != null) {
				field.set(null, null);
				gateway.stop();
			}
		}
	}

	/**
	 * The properties with which an application trusts the gateways of a test class, as
	 * {@code name=value} pairs.
	 * @throws IllegalStateException if a gateway is not running
	 */
	static List<String> properties(Class<?> testClass) {
		List<String> properties = new ArrayList<>();
		for (Field field : fields(testClass)) {
			try {
				Gateway gateway = (Gateway) field.get(null);
				if (gateway == null) {
					throw new IllegalStateException(
							"The gateway of " + field + " is not running: it runs from before the class's first test");
				}
				properties.addAll(List.of(gateway.properties()));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return properties;
	}

	/** The {@link TestGateway} fields of a test class and its superclasses, made accessible. */
	static List<Field> fields(Class<?> testClass) {
		List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, TestGateway.class, (field) -> true,
				HierarchyTraversalMode.TOP_DOWN);
		for (Field field : fields) {
			if (!ModifierSupport.isStatic(field) || field.getType() != Gateway.class) {
				throw new ExtensionConfigurationException(
						"@TestGateway belongs on a static field of type Gateway, not on " + field);
			}
			field.setAccessible(true);
		}
		return fields;
	}

}
