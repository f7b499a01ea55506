package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link CustomBearerHeaderTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class CustomBearerHeaderServletTests extends CustomBearerHeaderTests {

}
