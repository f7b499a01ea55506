package io.github.zuplojwt.internal.jwks;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key set fetches through an egress proxy: the one named by {@code zuplo.jwks.proxy}, or the
 * JVM's standard proxy settings. The gateway's host name does not even resolve here, so a
 * verified token proves the fetch went through the proxy.
 */
class ProxyTests {

	private static final String ISSUER = "http://gateway.invalid/__zuplo/issuer";

	@RegisterExtension
	static final WireMockExtension proxy = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final TestKey key = TestKey.ed25519("k1");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class))
		.withPropertyValues("zuplo.issuer=" + ISSUER, "zuplo.jwks.allow-http=true");

	@BeforeEach
	void publish() {
		proxy.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(okJson(Gateway.jwksJson(this.key))));
	}

	private String token() {
		return this.key.token().issuer(ISSUER).sign();
	}

	private int fetchesThroughTheProxy() {
		return proxy.countRequestsMatching(getRequestedFor(urlPathEqualTo(Gateway.JWKS_PATH))
			.withHeader("Host", WireMock.equalTo("gateway.invalid"))
			.build()).getCount();
	}

	@Test
	void configuredProxyCarriesTheFetch() {
		this.contextRunner.withPropertyValues("zuplo.jwks.proxy=http://localhost:" + proxy.getPort()).run((context) -> {
			assertThat(context.getBean(JwtDecoder.class).decode(token()).getSubject()).isEqualTo("consumer-alice");
			assertThat(fetchesThroughTheProxy()).isEqualTo(1);
		});
	}

	@Test
	void jvmProxySettingsCarryTheFetchWhenNoProxyIsConfigured() {
		String host = System.getProperty("http.proxyHost");
		String port = System.getProperty("http.proxyPort");
		System.setProperty("http.proxyHost", "localhost");
		System.setProperty("http.proxyPort", Integer.toString(proxy.getPort()));
		try {
			this.contextRunner.run((context) -> {
				assertThat(context.getBean(JwtDecoder.class).decode(token())).isNotNull();
				assertThat(fetchesThroughTheProxy()).isEqualTo(1);
			});
		}
		finally {
			restore("http.proxyHost", host);
			restore("http.proxyPort", port);
		}
	}

	private static void restore(String name, String value) {
		if (value == null) {
			System.clearProperty(name);
		}
		else {
			System.setProperty(name, value);
		}
	}

}
