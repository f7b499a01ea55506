package io.github.zuplojwt.issuers;

import java.util.List;
import java.util.Map;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's YAML recipe binds as written: claim names with an underscore, such as
 * {@code environment_type}, keep their exact spelling.
 */
class YamlRecipeTests {

	@Test
	void identityTokenRecipeBindsItsRequiredClaimsAsWritten() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class))
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.name=identity-token-recipe")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZuploJwtProperties.Issuer issuer = context.getBean(ZuploJwtProperties.class).getIssuers().get(0);
				assertThat(issuer.getRequiredClaims()).isEqualTo(Map.of("account", List.of("my-account"), "project",
						List.of("my-project"), "environment_type", List.of("production", "preview")));
			});
	}

}
