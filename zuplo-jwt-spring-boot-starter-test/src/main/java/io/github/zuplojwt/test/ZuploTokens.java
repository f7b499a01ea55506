package io.github.zuplojwt.test;

/**
 * Tokens for a test principal without a signature ({@code zuploPrincipal(…)} of
 * {@link ZuploMockMvc} and {@link ZuploWebTestClient}), for tests that need no test issuer:
 * the same shapes and setters as {@link ZuploTestIssuer#token()} and
 * {@link ZuploTestIssuer#identityToken()}, but they cannot be signed.
 */
public final class ZuploTokens {

	private ZuploTokens() {
	}

	/** The claims of an upstream-policy token: {@code sub}, {@code aud}, {@code iat}, {@code exp}. */
	public static ZuploTokenBuilder upstreamToken() {
		return ZuploTokenBuilder.upstream(null);
	}

	/**
	 * The claims of an Identity Token: {@code sub}, {@code aud}, {@code account},
	 * {@code project}, {@code deployment}, {@code environment_type}, {@code iat}, {@code exp}.
	 */
	public static ZuploTokenBuilder identityToken() {
		return ZuploTokenBuilder.identity(null);
	}

}
