package io.github.zuplojwt.principal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every claim shape a gateway may use for authorities.
 */
class ClaimAuthoritiesConverterTests {

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "EdDSA")
			.subject("consumer")
			.claims((c) -> c.putAll(claims))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

	private static List<String> authorities(String claim, String prefix, Map<String, Object> claims) {
		Collection<GrantedAuthority> granted = new ClaimAuthoritiesConverter(claim, prefix).convert(jwt(claims));
		return granted.stream().map(GrantedAuthority::getAuthority).toList();
	}

	@Test
	void singleStringIsOneAuthority() {
		assertThat(authorities("plan", "plan:", Map.of("plan", "gold"))).containsExactly("plan:gold");
	}

	@Test
	void spaceSeparatedStringIsSeveralAuthorities() {
		assertThat(authorities("scope", "", Map.of("scope", " read  write\tadmin "))).containsExactly("read", "write",
				"admin");
	}

	@Test
	void arrayOfStringsIsOneAuthorityEach() {
		assertThat(authorities("roles", "role:", Map.of("roles", List.of("admin", "billing"))))
			.containsExactly("role:admin", "role:billing");
	}

	@Test
	void dottedPathReachesIntoNestedObjects() {
		Map<String, Object> claims = Map.of("data", Map.of("roles", List.of("admin"), "plan", "gold"));

		assertThat(authorities("data.roles", "", claims)).containsExactly("admin");
		assertThat(authorities("data.plan", "plan:", claims)).containsExactly("plan:gold");
	}

	@Test
	void claimWhoseNameContainsADotIsReadAsItIs() {
		assertThat(authorities("https://example.com/roles.v1", "", Map.of("https://example.com/roles.v1", "admin")))
			.containsExactly("admin");
	}

	@Test
	void missingOrOddlyTypedClaimGrantsNothing() {
		assertThat(authorities("roles", "", Map.of("other", "x"))).isEmpty();
		assertThat(authorities("roles", "", Map.of("roles", 42))).isEmpty();
		assertThat(authorities("roles", "", Map.of("roles", List.of(1, Map.of("a", "b"))))).isEmpty();
		assertThat(authorities("data.roles", "", Map.of("data", "not an object"))).isEmpty();
	}

}
