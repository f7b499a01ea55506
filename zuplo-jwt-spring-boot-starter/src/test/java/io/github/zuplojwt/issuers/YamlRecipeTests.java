package io.github.zuplojwt.issuers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The YAML recipe of docs/environments.md binds as written: claim names with an underscore, such as
 * {@code environment_type}, keep their exact spelling. The page shows it as it is here.
 */
class YamlRecipeTests {

	private static final Path ENVIRONMENTS = Path.of("..", "docs", "environments.md");

	@Test
	void theReadmeShowsTheRecipe() throws IOException {
		String recipe;
		try (InputStream in = getClass().getResourceAsStream("/identity-token-recipe.yml")) {
			recipe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String yaml = recipe.substring(recipe.indexOf("zuplo:"));
		assertThat(Files.readString(ENVIRONMENTS, StandardCharsets.UTF_8)).contains("```yaml\n" + yaml + "```");
	}

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
