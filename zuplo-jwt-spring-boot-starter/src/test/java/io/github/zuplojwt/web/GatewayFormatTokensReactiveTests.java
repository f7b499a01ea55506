package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link GatewayFormatTokensTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class GatewayFormatTokensReactiveTests extends GatewayFormatTokensTests {

}
