package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.support.TlsFiles;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one INFO line at startup that says which tokens the service accepts: the issuers, where
 * their keys come from, the audiences and required claims, the algorithms and the header the
 * token comes in, and nothing of the SSL bundle or the proxy of the key fetches.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustSummaryTests {

	private static final String LINE = "Accepting tokens from ";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.SERVLET_SECURITY))
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));

	@Test
	void oneIssuerWithTheDefaults(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer",
					"zuplo.audiences=https://api.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(summaries(output)).containsExactly(LINE
						+ "issuer https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer (keys:"
						+ " https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer/.well-known/jwks.json; audiences:"
						+ " https://api.example.com; required claims: none); algorithms: EdDSA, RS256; token:"
						+ " Authorization header, after the prefix Bearer");
			});
	}

	@Test
	void severalIssuersEachWithWhereItsKeysComeFromItsAudiencesAndItsPins(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer",
					"zuplo.jwks-uri=https://keys.example/jwks.json", "zuplo.audiences=api,https://api.example.com",
					"zuplo.issuers[0].issuer=https://preview.example/__zuplo/issuer", "zuplo.issuers[0].audiences=",
					"zuplo.issuers[1].issuer=https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
					"zuplo.issuers[1].required-claims.account=acme,globex",
					"zuplo.issuers[1].required-claims.project=orders", "zuplo.discovery=true",
					"zuplo.algorithms=RS256,EdDSA,ES256")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(summaries(output)).containsExactly(LINE + "issuers https://gw.example/__zuplo/issuer (keys:"
						+ " https://keys.example/jwks.json; audiences: api, https://api.example.com; required claims:"
						+ " none), https://preview.example/__zuplo/issuer (keys: discovery at"
						+ " https://preview.example/__zuplo/issuer/.well-known/openid-configuration; audiences: any;"
						+ " required claims: none), https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD"
						+ " (keys: discovery at https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD"
						+ "/.well-known/openid-configuration; audiences: api, https://api.example.com; required claims:"
						+ " account=acme or globex, project=orders); algorithms: RS256, EdDSA, ES256; token:"
						+ " Authorization header, after the prefix Bearer");
			});
	}

	@Test
	void theGatewaysOwnHeaderAndPrefixAndTheFormField(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api",
					"zuplo.bearer.header-name=X-Zuplo-Token", "zuplo.bearer.token-prefix=",
					"zuplo.bearer.form-parameter=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(summaries(output)).singleElement()
					.asString()
					.endsWith("; token: X-Zuplo-Token header, its whole value, or the access_token field of a"
							+ " form-encoded POST body");
			});
	}

	@Test
	void theSslBundleAndTheProxyOfTheKeyFetchesAreNotNamed(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api",
					"zuplo.jwks.proxy=http://egress-proxy.internal:3128", "zuplo.jwks.ssl-bundle=gateway-ca",
					"spring.ssl.bundle.jks.gateway-ca.truststore.location=file:" + TlsFiles.get().trustStore(),
					"spring.ssl.bundle.jks.gateway-ca.truststore.password=" + TlsFiles.PASSWORD,
					"spring.ssl.bundle.jks.gateway-ca.truststore.type=PKCS12")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(summaries(output)).singleElement()
					.asString()
					.startsWith(LINE + "issuer https://gw.example/__zuplo/issuer (")
					.doesNotContain("egress-proxy", "3128", "gateway-ca", TlsFiles.PASSWORD,
							TlsFiles.get().trustStore().toString());
			});
	}

	@Test
	void theLineIsLoggedAtInfo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api")
			.run((context) -> assertThat(output.getOut().lines().filter((line) -> line.contains(LINE)))
				.singleElement()
				.asString()
				.contains("INFO"));
	}

	private static List<String> summaries(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(LINE))
			.map((line) -> line.substring(line.indexOf(LINE)))
			.toList();
	}

}
