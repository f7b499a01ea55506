package io.github.zuplojwt.test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test auto-configuration, applied with {@code @AutoConfigureWebTestClient} (and so with
 * {@code @WebFluxTest}): tells the {@link WebTestClient} Spring Boot builds where the
 * application reads bearer tokens and the gateway's request id, for
 * {@link ZuploWebTestClient#zuploToken(String)} and
 * {@link ZuploWebTestClient#zuploRequestId(String)}. It works on the client itself, a Spring
 * Framework type, so it is the same on every Spring Boot generation, whose own customizer
 * types differ.
 */
@AutoConfiguration
@ConditionalOnClass(WebTestClient.class)
public class ZuploWebTestClientAutoConfiguration {

	@Bean
	static BeanPostProcessor zuploBearerTokenPlacement(ApplicationContext context) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof WebTestClient client) {
					ApplicationSettings settings = ApplicationSettings.of(context);
					return client.mutate()
						.filter(new HeaderPlacement(settings.bearer(), settings.requestIdHeader()))
						.build();
				}
				return bean;
			}

		};
	}

}
