package io.github.zuplojwt.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test auto-configuration, applied with {@code @AutoConfigureWebTestClient} (and so with
 * {@code @WebFluxTest}): tells the {@link WebTestClient} Spring Boot builds where the
 * application reads bearer tokens, for {@link ZuploWebTestClient#zuploToken(String)}.
 */
@AutoConfiguration
@ConditionalOnClass({ WebTestClient.class, WebTestClientBuilderCustomizer.class })
public class ZuploWebTestClientAutoConfiguration {

	@Bean
	WebTestClientBuilderCustomizer zuploBearerTokenPlacement(ApplicationContext context) {
		return (builder) -> builder.filter(new BearerTokenPlacement(ApplicationSettings.of(context).bearer()));
	}

}
