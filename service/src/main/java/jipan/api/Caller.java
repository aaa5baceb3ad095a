package jipan.api;

import java.util.List;

/** Who is calling: the key's name and the roles it has (all of them when authentication is off). */
public record Caller(String name, List<String> roles) {
}
