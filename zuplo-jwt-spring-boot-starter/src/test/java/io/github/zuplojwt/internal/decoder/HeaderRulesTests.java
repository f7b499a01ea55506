package io.github.zuplojwt.internal.decoder;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every header rule on its own, before any key is looked up: the gateway's own header
 * ({@code {"alg":"EdDSA"}}, no {@code kid}, no {@code typ}) passes, and each thing a token's
 * header may not do is refused with its own reason.
 */
class HeaderRulesTests {

	private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.RS256);

	@Test
	void theGatewaysHeaderWithNeitherKidNorTypPasses() {
		assertAccepted(new JWSHeader(JWSAlgorithm.EdDSA));
		assertAccepted(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("atky_1").build());
	}

	@Test
	void anAlgorithmOutsideTheAllowListIsRefusedByName() {
		assertRejected(new JWSHeader(JWSAlgorithm.RS384), RejectionReason.ALGORITHM,
				"token algorithm RS384 is not allowed");
		assertRejected(new JWSHeader(JWSAlgorithm.HS256), RejectionReason.ALGORITHM,
				"token algorithm HS256 is not allowed");
	}

	@Test
	void anAlgorithmNameIsShownOnlyInPrintableCharacters() {
		assertRejected(new JWSHeader(new JWSAlgorithm("Ed\nDSA")), RejectionReason.ALGORITHM,
				"token algorithm Ed?DSA is not allowed");
	}

	@Test
	void typeJwtInAnyCasingAndApplicationJwtPass() {
		for (String type : List.of("JWT", "jwt", "application/jwt", "APPLICATION/JWT")) {
			assertAccepted(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType(type)).build());
		}
	}

	@Test
	void anyOtherTypeIsRefused() {
		for (String type : List.of("at+jwt", "JOSE", "", "application/jose")) {
			assertRejected(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType(type)).build(),
					RejectionReason.HEADER, "token type (typ) is not JWT");
		}
	}

	@Test
	void criticalHeaderParametersAreRefused() {
		assertRejected(new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(Set.of("exp")).build(),
				RejectionReason.HEADER, "critical header parameters (crit)");
	}

	@Test
	void anUnencodedPayloadIsRefused() {
		assertRejected(new JWSHeader.Builder(JWSAlgorithm.EdDSA).base64URLEncodePayload(false).build(),
				RejectionReason.HEADER, "unencoded payload (b64)");
	}

	@Test
	void aHeaderThatNamesItsOwnKeyIsRefusedWhicheverWayItNamesIt() {
		JWK key = TestKey.ed25519("attackers-key").publicJwk();
		URI url = URI.create("https://attacker.example/keys");
		List<JWSHeader> headers = List.of(new JWSHeader.Builder(JWSAlgorithm.EdDSA).jwk(key).build(),
				new JWSHeader.Builder(JWSAlgorithm.EdDSA).jwkURL(url).build(),
				new JWSHeader.Builder(JWSAlgorithm.EdDSA).x509CertURL(url).build(),
				new JWSHeader.Builder(JWSAlgorithm.EdDSA).x509CertChain(List.of(Base64.encode("certificate")))
					.build());
		for (JWSHeader header : headers) {
			assertRejected(header, RejectionReason.HEADER,
					"token names its own signing key (jwk, jku, x5u or x5c header); only the issuer's published"
							+ " keys are trusted");
		}
	}

	@Test
	void theAlgorithmIsJudgedFirst() {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
			.criticalParams(Set.of("exp"))
			.build();

		assertRejected(header, RejectionReason.ALGORITHM, "token algorithm HS256 is not allowed");
	}

	private static void assertAccepted(JWSHeader header) {
		assertThatNoException().isThrownBy(() -> HeaderRules.check(header, ALLOWED));
	}

	private static void assertRejected(JWSHeader header, RejectionReason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> HeaderRules.check(header, ALLOWED))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.withMessageContaining(message);
	}

}
