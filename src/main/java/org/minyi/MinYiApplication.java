package org.minyi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MinYi web service. */
@SpringBootApplication
public class MinYiApplication {

    /** Starts the service; {@code config/application.properties} of the MinYi home adds to the built-in settings. */
    public static void start(String[] args) {
        SpringApplication application = new SpringApplication(MinYiApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.additional-location",
                "optional:file:" + MinYiSettings.fromSystemProperties().configDir() + "/"));
        application.run(args);
    }
}
