package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link FirewallRejectionTests} on the servlet stack (Spring MVC on Tomcat), where Spring
 * Security's {@code StrictHttpFirewall} refuses the request.
 */
@ServletStack
class FirewallRejectionServletTests extends FirewallRejectionTests {

}
