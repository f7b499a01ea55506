package io.github.zuplojwt.principal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;

/**
 * Maps one claim to granted authorities, each with a prefix. The claim may be a string
 * (split on white space) or an array of strings, and may be reached by a dotted path such
 * as {@code data.roles} when the token has no claim of that exact name. Anything else maps
 * to no authorities, never to an error.
 */
public final class ClaimAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	private final String claim;

	private final String prefix;

	public ClaimAuthoritiesConverter(String claim, String prefix) {
		this.claim = claim;
		this.prefix = (prefix != null) ? prefix : "";
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String value : values(find(jwt.getClaims()))) {
			authorities.add(new SimpleGrantedAuthority(this.prefix + value));
		}
		return authorities;
	}

	private Object find(Map<String, Object> claims) {
		if (claims.containsKey(this.claim) || !this.claim.contains(".")) {
			return claims.get(this.claim);
		}
		Object current = claims;
		for (String step : this.claim.split("\\.")) {
			if (!(current instanceof Map<?, ?> object)) {
				return null;
			}
			current = object.get(step);
		}
		return current;
	}

	private static List<String> values(Object value) {
		List<String> values = new ArrayList<>();
		if (value instanceof String text) {
			for (String part : text.trim().split("\\s+")) {
				if (StringUtils.hasText(part)) {
					values.add(part);
				}
			}
		}
		else if (value instanceof Collection<?> elements) {
			for (Object element : elements) {
				if (element instanceof String text && StringUtils.hasText(text)) {
					values.add(text.trim());
				}
			}
		}
		return values;
	}

}
