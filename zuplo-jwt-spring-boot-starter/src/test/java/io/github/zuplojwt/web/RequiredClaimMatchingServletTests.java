package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link RequiredClaimMatchingTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class RequiredClaimMatchingServletTests extends RequiredClaimMatchingTests {

}
