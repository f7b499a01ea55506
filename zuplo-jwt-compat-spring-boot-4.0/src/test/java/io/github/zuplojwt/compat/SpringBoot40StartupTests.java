package io.github.zuplojwt.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What an application on Spring Boot 4.0 gets from the starter as built: a startup failure that
 * names the supported versions and the switch, not a linkage error from inside the
 * auto-configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot40StartupTests {

	@Test
	void applicationOnSpringBoot40StopsWithAMessageNamingTheSupportedVersions(CapturedOutput output) {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
		SpringApplication application = new SpringApplication(Application.class);
		assertThatException().isThrownBy(() -> application.run("--server.port=0",
				"--zuplo.issuer=https://gw.example/__zuplo/issuer", "--zuplo.audiences=https://api.example.com"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zuplo-jwt-spring-boot-starter needs Spring Boot 4.1 or a later 4.x release, "
					+ "but this application runs on Spring Boot " + SpringBootVersion.getVersion() + ".")
			.contains("set zuplo.compatibility-verifier.enabled=false")
			.doesNotContain("NoSuchMethodError");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
