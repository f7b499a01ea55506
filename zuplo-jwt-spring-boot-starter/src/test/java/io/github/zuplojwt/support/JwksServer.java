package io.github.zuplojwt.support;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A gateway stand-in on a real HTTP port (WireMock) that publishes a JSON Web Key Set under
 * an issuer path, as Zuplo does, and counts how often it is fetched.
 */
public final class JwksServer extends WireMockExtension {

	public static final String ISSUER_PATH = Gateway.ISSUER_PATH;

	public static final String JWKS_PATH = Gateway.JWKS_PATH;

	private final WireMockExtension wireMock = this;

	private final boolean https;

	private JwksServer(WireMockConfiguration options, boolean https) {
		super(WireMockExtension.newInstance().options(options).resetOnEachTest(false));
		this.https = https;
	}

	/**
	 * A server for a {@code @RegisterExtension static} field: started before the class's
	 * tests, and keeping what it publishes until {@link #reset()}.
	 */
	public static JwksServer create() {
		return new JwksServer(wireMockConfig().dynamicPort(), false);
	}

	/**
	 * A server like {@link #create()} whose issuer and key set are served over https, with
	 * the certificate of {@link TlsFiles} (plain http stays open on {@link #httpBaseUrl()}).
	 */
	public static JwksServer createHttps() {
		TlsFiles tls = TlsFiles.get();
		return new JwksServer(wireMockConfig().dynamicPort()
			.dynamicHttpsPort()
			.keystoreType("PKCS12")
			.keystorePath(tls.keyStore().toString())
			.keystorePassword(TlsFiles.PASSWORD)
			.keyManagerPassword(TlsFiles.PASSWORD), true);
	}

	/** Where the server answers: over https for {@link #createHttps()}. */
	@Override
	public String baseUrl() {
		return this.https ? "https://localhost:" + this.wireMock.getHttpsPort() : httpBaseUrl();
	}

	/** Where the server answers over plain http. */
	public String httpBaseUrl() {
		return "http://localhost:" + this.wireMock.getPort();
	}

	public String issuer() {
		return baseUrl() + ISSUER_PATH;
	}

	public String jwksUri() {
		return baseUrl() + JWKS_PATH;
	}

	/** Publishes the public halves of the given keys. */
	public void publish(TestKey... keys) {
		publishJson(jwksJson(keys));
	}

	/** A JSON Web Key Set document with the public halves of the given keys. */
	public static String jwksJson(TestKey... keys) {
		return Gateway.jwksJson(keys);
	}

	public void publishJson(String json) {
		this.wireMock.stubFor(get(urlPathEqualTo(JWKS_PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
	}

	public int fetchCount() {
		return this.wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo(JWKS_PATH)).build()).getCount();
	}

	public void reset() {
		this.wireMock.resetAll();
	}

}
