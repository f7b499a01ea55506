package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link RequiredClaimMatchingTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class RequiredClaimMatchingReactiveTests extends RequiredClaimMatchingTests {

}
