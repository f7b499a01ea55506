package com.example.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * On Spring Boot 3 the starter stops the application at startup and says which Spring Boot
 * versions it needs, instead of failing somewhere inside its configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class Boot3ApplicationTests {

	@Test
	void startupStopsWithAMessageNamingTheSupportedSpringBootVersions(CapturedOutput output) {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("application.spring-boot.version"))
			.startsWith("3.");
		assertThatException().isThrownBy(() -> Boot3Application.main(new String[] { "--server.port=0",
				"--zuplo.issuer=https://gw.example/__zuplo/issuer", "--zuplo.audiences=https://api.example.com" }));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("zuplo-jwt-spring-boot-starter needs Spring Boot 4.0 or a later 4.x release, "
					+ "but this application runs on Spring Boot " + SpringBootVersion.getVersion() + ".")
			.contains("set zuplo.compatibility-verifier.enabled=false");
	}

}
