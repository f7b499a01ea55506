package io.github.zuplojwt.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application run with Spring Boot's test-run idiom and {@link ZuploDevelopmentIssuer}
 * trusts a local issuer in place of the one it is configured with, and logs a {@code curl}
 * whose token it accepts; a token the local issuer did not sign is still refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZuploDevelopmentIssuerTests {

	private static final Pattern CURL = Pattern.compile("curl -i -H \"([^:]+): ([^\"]+)\" (http://localhost:\\d+)/");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theApplicationTrustsTheLocalIssuerAndLogsACurlItAnswers(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.from(OrdersApplication::main)
			.with(ZuploDevelopmentIssuer.class)
			.run("--server.port=0")
			.getApplicationContext()) {
			ZuploTestIssuer issuer = context.getBean(ZuploTestIssuer.class);
			assertThat(context.getEnvironment().getProperty("zuplo.issuer")).isEqualTo(issuer.issuer());
			assertThat(output).contains("A DEVELOPMENT-ONLY local issuer is running at " + issuer.issuer());

			Matcher curl = CURL.matcher(output.toString());
			assertThat(curl.find()).as("a curl in the log").isTrue();
			HttpResponse<String> withTheLoggedToken = get(curl.group(3) + "/orders", curl.group(1), curl.group(2));
			HttpResponse<String> withAnotherToken = get(curl.group(3) + "/orders", curl.group(1),
					"Bearer " + issuer.token().unpublishedKey().sign());

			assertThat(withTheLoggedToken.statusCode()).isEqualTo(200);
			assertThat(withAnotherToken.statusCode()).isEqualTo(401);
		}
	}

	private HttpResponse<String> get(String url, String header, String value) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
