package io.github.zuplojwt.internal.jwks;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.decoder.SigningKeysUnavailableException;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TlsFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys over https, as in production: the server's certificate is checked (against the
 * trust material of {@code zuplo.jwks.ssl-bundle}, such as a private certificate authority),
 * and OpenID discovery never follows an https issuer to a plain http key set.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpsKeySetTests {

	@TestGateway(trustedAs = "", https = true)
	static Gateway gateway;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("spring.ssl.bundle.jks.gateway-ca.truststore.location=file:" + TlsFiles.get().trustStore(),
				"spring.ssl.bundle.jks.gateway-ca.truststore.password=" + TlsFiles.PASSWORD,
				"spring.ssl.bundle.jks.gateway-ca.truststore.type=PKCS12");

	@BeforeEach
	void reset() {
		gateway.reset();
		gateway.publish(gateway.key());
	}

	private String token() {
		return gateway.token().sign();
	}

	@Test
	void keysAreFetchedOverHttpsFromAServerTheSslBundleTrusts() {
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.jwks.ssl-bundle=gateway-ca")
			.run((context) -> {
				assertThat(context.getBean(JwtDecoder.class).decode(token()).getSubject()).isEqualTo("consumer-alice");
				assertThat(gateway.fetchCount()).isEqualTo(1);
			});
	}

	@Test
	void serverTheJvmDoesNotTrustGivesNoKeys() {
		this.contextRunner.withPropertyValues("zuplo.issuer=" + gateway.issuer())
			.run((context) -> assertThatExceptionOfType(SigningKeysUnavailableException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(token())));
	}

	@Test
	void discoveryOverHttpsFollowsAnHttpsKeySetUri() {
		publishDiscovery(gateway.jwksUri());
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.discovery=true",
					"zuplo.jwks.ssl-bundle=gateway-ca")
			.run((context) -> assertThat(context.getBean(JwtDecoder.class).decode(token())).isNotNull());
	}

	@Test
	void discoveryNeverDowngradesFromHttpsToHttp(CapturedOutput output) {
		publishDiscovery(gateway.httpBaseUrl() + Gateway.JWKS_PATH);
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + gateway.issuer(), "zuplo.discovery=true",
					"zuplo.jwks.ssl-bundle=gateway-ca", "zuplo.jwks.allow-http=true")
			.run((context) -> {
				assertThatExceptionOfType(SigningKeysUnavailableException.class)
					.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(token()));
				assertThat(gateway.fetchCount()).isZero();
				assertThat(output).contains("downgrades from https to plain http");
			});
	}

	private static void publishDiscovery(String jwksUri) {
		gateway.stubFor(get(urlPathEqualTo(Gateway.ISSUER_PATH + "/.well-known/openid-configuration"))
			.willReturn(okJson("{\"issuer\":\"" + gateway.issuer() + "\",\"jwks_uri\":\"" + jwksUri + "\"}")));
	}

}
