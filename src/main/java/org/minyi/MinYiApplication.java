package org.minyi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The MinYi web service. */
@SpringBootApplication
public class MinYiApplication {

    public static void start(String[] args) {
        SpringApplication.run(MinYiApplication.class, args);
    }
}
