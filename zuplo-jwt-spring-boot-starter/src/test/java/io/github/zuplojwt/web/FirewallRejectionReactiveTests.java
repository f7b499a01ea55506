package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link FirewallRejectionTests} on the reactive stack (WebFlux on Reactor Netty), where
 * Spring Security's {@code StrictServerWebExchangeFirewall} refuses the request.
 */
@ReactiveStack
class FirewallRejectionReactiveTests extends FirewallRejectionTests {

}
