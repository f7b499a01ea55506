package io.github.zuplojwt.web;

import java.util.List;
import java.util.Map;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TokenBuilder;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code zuplo.required-claims.<name>} pin means, over real HTTP: a string claim must
 * equal one of the configured values exactly (case-sensitive, never split on spaces or
 * commas); an array claim must contain at least one of them; a number or boolean is compared
 * by its text; an object or {@code null} never matches; several configured values, separated
 * by commas, mean "any of"; and every pinned claim must match.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.required-claims.account=acme",
				"zuplo.required-claims.environment_type=production, preview", "zuplo.required-claims.groups=admins",
				"zuplo.required-claims.tier=2", "zuplo.required-claims.verified=true" })
class RequiredClaimMatchingTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	/** A token that meets every pin; each test changes one claim. */
	private static TokenBuilder matching() {
		return gateway.token().claim("account", "acme")
			.claim("environment_type", "production")
			.claim("groups", List.of("readers", "admins"))
			.claim("tier", 2)
			.claim("verified", true);
	}

	private static void assertAccepted(Stack stack, String token) {
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
	}

	private static void assertRejected(Stack stack, String token, String claim) {
		assertInvalidToken(stack.http().getWithToken("/protected", token),
				"token claim " + claim + " has a value that is not accepted");
	}

	@StackTest
	void tokenMeetingEveryPinIsAccepted(Stack stack) {
		assertAccepted(stack, matching().sign());
	}

	@StackTest
	void everyPinnedClaimMustMatch(Stack stack) {
		assertRejected(stack, matching().claim("tier", 3).sign(), "tier");
		assertInvalidToken(stack.http().getWithToken("/protected", matching().claim("verified", null).sign()),
				"token lacks the required claim verified");
	}

	@StackTest
	void stringClaimMustEqualTheValueExactly(Stack stack) {
		assertRejected(stack, matching().claim("account", "ACME").sign(), "account");
		assertRejected(stack, matching().claim("account", "acme ").sign(), "account");
		assertRejected(stack, matching().claim("account", "acme-corp").sign(), "account");
		assertRejected(stack, matching().claim("account", "").sign(), "account");
	}

	@StackTest
	void stringClaimIsNeverSplitOnSpacesOrCommas(Stack stack) {
		assertRejected(stack, matching().claim("account", "acme globex").sign(), "account");
		assertRejected(stack, matching().claim("account", "globex,acme").sign(), "account");
		assertRejected(stack, matching().claim("groups", "readers admins").sign(), "groups");
	}

	@StackTest
	void severalConfiguredValuesMeanAnyOf(Stack stack) {
		assertAccepted(stack, matching().claim("environment_type", "production").sign());
		assertAccepted(stack, matching().claim("environment_type", "preview").sign());
		assertRejected(stack, matching().claim("environment_type", "development").sign(), "environment_type");
		assertRejected(stack, matching().claim("environment_type", "production, preview").sign(), "environment_type");
	}

	@StackTest
	void arrayClaimMustContainAtLeastOneValue(Stack stack) {
		assertAccepted(stack, matching().claim("groups", List.of("admins")).sign());
		assertAccepted(stack, matching().claim("account", List.of("globex", "acme")).sign());
		assertAccepted(stack, matching().claim("environment_type", List.of("development", "preview")).sign());
		assertRejected(stack, matching().claim("groups", List.of("readers", "Admins")).sign(), "groups");
		assertRejected(stack, matching().claim("groups", List.of()).sign(), "groups");
	}

	@StackTest
	void stringClaimEqualToThePinnedValueMatchesAPinMeantForAnArray(Stack stack) {
		assertAccepted(stack, matching().claim("groups", "admins").sign());
	}

	@StackTest
	void numberClaimIsComparedByItsText(Stack stack) {
		assertAccepted(stack, matching().claim("tier", "2").sign());
		assertAccepted(stack, matching().claim("groups", List.of(1, "admins")).sign());
		assertRejected(stack, matching().signWithRawClaim("tier", "2.0"), "tier");
		assertRejected(stack, matching().claim("tier", 20).sign(), "tier");
	}

	@StackTest
	void booleanClaimIsComparedByItsText(Stack stack) {
		assertAccepted(stack, matching().claim("verified", "true").sign());
		assertRejected(stack, matching().claim("verified", false).sign(), "verified");
		assertRejected(stack, matching().claim("verified", "TRUE").sign(), "verified");
	}

	@StackTest
	void objectClaimNeverMatches(Stack stack) {
		assertRejected(stack, matching().claim("account", Map.of("name", "acme")).sign(), "account");
		assertRejected(stack, matching().claim("groups", List.of(Map.of("name", "admins"))).sign(), "groups");
	}

	@StackTest
	void nullClaimCountsAsMissing(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", matching().signWithRawClaim("account", "null")),
				"token lacks the required claim account");
	}

	@StackTest
	void missingClaimIsRejected(Stack stack) {
		assertInvalidToken(stack.http().getWithToken("/protected", matching().claim("account", null).sign()),
				"token lacks the required claim account");
	}

}
