package io.github.zuplojwt.internal.boot;

import org.springframework.security.web.DefaultSecurityFilterChain;

/**
 * A change to the starter's built servlet filter chain that only one Spring Security
 * generation needs, such as leaving out a filter that only Spring Security 7 adds. Supplied
 * by that generation's adapter; the core applies every one it finds.
 */
@FunctionalInterface
public interface SecurityFilterChainAdjustment {

	DefaultSecurityFilterChain adjust(DefaultSecurityFilterChain chain);

}
