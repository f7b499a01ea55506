package io.github.zuplojwt.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Zuplo gateway stand-in on a real HTTP port (WireMock), as {@link TestGateway} starts it
 * for a test class: it publishes the public half of its Ed25519 signing key as a JSON Web Key
 * Set under its issuer path, as Zuplo does, signs tokens in the gateway's layout, and counts
 * how often its keys are fetched. The rest of WireMock (stubs, the requests it saw) is there
 * to break it.
 */
public final class Gateway extends WireMockServer {

	/** Where Zuplo serves its issuer, below the gateway's own URL. */
	public static final String ISSUER_PATH = "/__zuplo/issuer";

	/** Where Zuplo publishes the issuer's keys. */
	public static final String JWKS_PATH = ISSUER_PATH + "/.well-known/jwks.json";

	private final TestKey key = TestKey.ed25519("ed-1");

	private final String audience;

	private final String trustedAs;

	private final boolean https;

	private Gateway(WireMockConfiguration options, String audience, String trustedAs, boolean https) {
		super(options);
		this.audience = audience;
		this.trustedAs = trustedAs;
		this.https = https;
	}

	/** Starts a gateway with the given settings, publishing its key. */
	static Gateway start(TestGateway settings) {
		WireMockConfiguration options = wireMockConfig().dynamicPort();
		if (settings.https()) {
			TlsFiles tls = TlsFiles.get();
			options.dynamicHttpsPort()
				.keystoreType("PKCS12")
				.keystorePath(tls.keyStore().toString())
				.keystorePassword(TlsFiles.PASSWORD)
				.keyManagerPassword(TlsFiles.PASSWORD);
		}
		Gateway gateway = new Gateway(options, settings.audience(), settings.trustedAs(), settings.https());
		gateway.start();
		gateway.publish(gateway.key);
		return gateway;
	}

	/**
	 * Where the gateway answers: over https for {@link TestGateway#https()}, with the
	 * certificate of {@link TlsFiles}.
	 */
	@Override
	public String baseUrl() {
		return this.https ? "https://localhost:" + httpsPort() : httpBaseUrl();
	}

	/** Where the gateway answers over plain http, which stays open with https. */
	public String httpBaseUrl() {
		return "http://localhost:" + port();
	}

	public String issuer() {
		return baseUrl() + ISSUER_PATH;
	}

	public String jwksUri() {
		return baseUrl() + JWKS_PATH;
	}

	/** The gateway's signing key, whose public half it publishes from the start. */
	public TestKey key() {
		return this.key;
	}

	/**
	 * A token the application accepts: signed by the gateway's key, from its issuer, for the
	 * audience {@link TestGateway#audience()} names, if any; to be changed or signed as it is.
	 */
	public TokenBuilder token() {
		TokenBuilder token = this.key.token().issuer(issuer());
		return this.audience.isEmpty() ? token : token.audience(this.audience);
	}

	/** A token of this gateway that expired five minutes ago, well beyond the clock skew. */
	public String expiredToken() {
		return token().issuedAt(Instant.now().minus(Duration.ofMinutes(10)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
			.sign();
	}

	/** Publishes the public halves of the given keys, in place of what it published. */
	public void publish(TestKey... keys) {
		publishJson(jwksJson(keys));
	}

	/** A JSON Web Key Set document with the public halves of the given keys. */
	public static String jwksJson(TestKey... keys) {
		List<JWK> jwks = Arrays.stream(keys).map(TestKey::publicJwk).toList();
		return new JWKSet(jwks).toString(true);
	}

	/** Publishes the given JSON Web Key Set document, in place of what it published. */
	public void publishJson(String json) {
		stubFor(get(urlPathEqualTo(JWKS_PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
	}

	/** How often its key set was fetched. */
	public int fetchCount() {
		return countRequestsMatching(getRequestedFor(urlPathEqualTo(JWKS_PATH)).build()).getCount();
	}

	/** Forgets what it publishes and every request it saw. */
	public void reset() {
		resetAll();
	}

	/**
	 * The properties with which an application trusts this gateway, as {@code name=value}
	 * pairs: its issuer, and its audience if it has one, under {@link TestGateway#trustedAs()};
	 * none for a gateway the application does not trust.
	 */
	public String[] properties() {
		List<String> properties = new ArrayList<>();
		if (!this.trustedAs.isEmpty()) {
			properties.add(this.trustedAs + ".issuer=" + issuer());
			if (!this.audience.isEmpty()) {
				properties.add(this.trustedAs + ".audiences=" + this.audience);
			}
		}
		return properties.toArray(String[]::new);
	}

	@Override
	public String toString() {
		return "gateway " + issuer();
	}

}
