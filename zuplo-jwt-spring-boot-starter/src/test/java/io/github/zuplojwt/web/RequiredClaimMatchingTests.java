package io.github.zuplojwt.web;

import java.util.List;
import java.util.Map;

import io.github.zuplojwt.support.TokenBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code zuplo.required-claims.<name>} pin means, over real HTTP: a string claim must
 * equal one of the configured values exactly (case-sensitive, never split on spaces or
 * commas); an array claim must contain at least one of them; a number or boolean is compared
 * by its text; an object or {@code null} never matches; several configured values, separated
 * by commas, mean "any of"; and every pinned claim must match.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "zuplo.required-claims.account=acme",
				"zuplo.required-claims.environment_type=production, preview", "zuplo.required-claims.groups=admins",
				"zuplo.required-claims.tier=2", "zuplo.required-claims.verified=true" })
abstract class RequiredClaimMatchingTests extends AbstractGatewayTokenTests {

	/** A token that meets every pin; each test changes one claim. */
	private TokenBuilder matching() {
		return validToken().claim("account", "acme")
			.claim("environment_type", "production")
			.claim("groups", List.of("readers", "admins"))
			.claim("tier", 2)
			.claim("verified", true);
	}

	private void assertAccepted(String token) {
		assertThat(this.http.getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	private void assertRejected(String token, String claim) {
		assertInvalidToken(this.http.getWithToken("/protected", token),
				"token claim " + claim + " has a value that is not accepted");
	}

	@Test
	void tokenMeetingEveryPinIsAccepted() {
		assertAccepted(matching().sign());
	}

	@Test
	void everyPinnedClaimMustMatch() {
		assertRejected(matching().claim("tier", 3).sign(), "tier");
		assertInvalidToken(this.http.getWithToken("/protected", matching().claim("verified", null).sign()),
				"token lacks the required claim verified");
	}

	@Test
	void stringClaimMustEqualTheValueExactly() {
		assertRejected(matching().claim("account", "ACME").sign(), "account");
		assertRejected(matching().claim("account", "acme ").sign(), "account");
		assertRejected(matching().claim("account", "acme-corp").sign(), "account");
		assertRejected(matching().claim("account", "").sign(), "account");
	}

	@Test
	void stringClaimIsNeverSplitOnSpacesOrCommas() {
		assertRejected(matching().claim("account", "acme globex").sign(), "account");
		assertRejected(matching().claim("account", "globex,acme").sign(), "account");
		assertRejected(matching().claim("groups", "readers admins").sign(), "groups");
	}

	@Test
	void severalConfiguredValuesMeanAnyOf() {
		assertAccepted(matching().claim("environment_type", "production").sign());
		assertAccepted(matching().claim("environment_type", "preview").sign());
		assertRejected(matching().claim("environment_type", "development").sign(), "environment_type");
		assertRejected(matching().claim("environment_type", "production, preview").sign(), "environment_type");
	}

	@Test
	void arrayClaimMustContainAtLeastOneValue() {
		assertAccepted(matching().claim("groups", List.of("admins")).sign());
		assertAccepted(matching().claim("account", List.of("globex", "acme")).sign());
		assertAccepted(matching().claim("environment_type", List.of("development", "preview")).sign());
		assertRejected(matching().claim("groups", List.of("readers", "Admins")).sign(), "groups");
		assertRejected(matching().claim("groups", List.of()).sign(), "groups");
	}

	@Test
	void stringClaimEqualToThePinnedValueMatchesAPinMeantForAnArray() {
		assertAccepted(matching().claim("groups", "admins").sign());
	}

	@Test
	void numberClaimIsComparedByItsText() {
		assertAccepted(matching().claim("tier", "2").sign());
		assertAccepted(matching().claim("groups", List.of(1, "admins")).sign());
		assertRejected(matching().signWithRawClaim("tier", "2.0"), "tier");
		assertRejected(matching().claim("tier", 20).sign(), "tier");
	}

	@Test
	void booleanClaimIsComparedByItsText() {
		assertAccepted(matching().claim("verified", "true").sign());
		assertRejected(matching().claim("verified", false).sign(), "verified");
		assertRejected(matching().claim("verified", "TRUE").sign(), "verified");
	}

	@Test
	void objectClaimNeverMatches() {
		assertRejected(matching().claim("account", Map.of("name", "acme")).sign(), "account");
		assertRejected(matching().claim("groups", List.of(Map.of("name", "admins"))).sign(), "groups");
	}

	@Test
	void nullClaimCountsAsMissing() {
		assertInvalidToken(this.http.getWithToken("/protected", matching().signWithRawClaim("account", "null")),
				"token lacks the required claim account");
	}

	@Test
	void missingClaimIsRejected() {
		assertInvalidToken(this.http.getWithToken("/protected", matching().claim("account", null).sign()),
				"token lacks the required claim account");
	}

}
