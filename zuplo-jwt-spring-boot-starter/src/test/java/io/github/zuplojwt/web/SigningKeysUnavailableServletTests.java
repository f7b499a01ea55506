package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link SigningKeysUnavailableTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class SigningKeysUnavailableServletTests extends SigningKeysUnavailableTests {

}
