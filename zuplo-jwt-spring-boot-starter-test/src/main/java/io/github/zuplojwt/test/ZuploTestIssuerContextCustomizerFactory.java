package io.github.zuplojwt.test;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the application context of each test annotated with
 * {@link AutoConfigureZuploTestIssuer @AutoConfigureZuploTestIssuer} its
 * {@link ZuploTestIssuer}; other tests are left as they are.
 */
class ZuploTestIssuerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureZuploTestIssuer.class)) {
			return null;
		}
		return new ZuploTestIssuerContextCustomizer();
	}

}
