package io.github.zuplojwt.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the application of a Spring test class with {@link TestGateway} fields the
 * properties that make it trust those gateways, above every other property source, as
 * {@code @DynamicPropertySource} would. Registered in {@code META-INF/spring.factories}. Each
 * such test class has a context of its own, since its gateways are its own.
 */
class GatewayContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return GatewayExtension.fields(testClass).isEmpty() ? null : new GatewayContextCustomizer(testClass);
	}

	/**
	 * Adds the gateways' properties as the context is created, from before the class's first
	 * test, when its gateways run.
	 */
	private static final class GatewayContextCustomizer implements ContextCustomizer {

		private final Class<?> testClass;

		GatewayContextCustomizer(Class<?> testClass) {
			this.testClass = testClass;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, Object> properties = new LinkedHashMap<>();
			for (String property : GatewayExtension.properties(this.testClass)) {
				int equals = property.indexOf('=');
				properties.put(property.substring(0, equals), property.substring(equals + 1));
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("gateways of " + this.testClass.getName(), properties));
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof GatewayContextCustomizer customizer) && customizer.testClass == this.testClass;
		}

		@Override
		public int hashCode() {
			return this.testClass.hashCode();
		}

	}

}
