package io.mesosevents.cli.docs;

/**
 * One reference document as its generator renders it.
 *
 * @param file     its name under {@code docs/reference/}
 * @param markdown its full content
 */
record GeneratedDoc(String file, String markdown) {

    @Override
    public String toString() {
        // JUnit names each parameterized case by this.
        return file;
    }
}
