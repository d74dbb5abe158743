/**
 * The conformance kit: cases that certify any Azure Files endpoint for Force Close Handles and List
 * Handles, and the engine that runs them.
 *
 * <h2>How to write a case</h2>
 * <ol>
 *   <li>Add the entry to {@code suites/<class>.yaml}: {@code id}, {@code title}, {@code level}
 *       ({@code required} | {@code recommended} | {@code optional}), {@code sources} (what it
 *       enforces, quoted and cited), and where they apply {@code versions: {min, max}},
 *       {@code capabilities} ({@code handles}, {@code snapshots}, {@code fixture-state} are checked by
 *       the kit before the body runs; others such as {@code rename} are probed by the case) and
 *       {@code allowed} answer sets ({@code {name: {values: [...], source: ...}}}).</li>
 *   <li>Write exactly one method for it in one of the classes the catalogue file names in
 *       {@code implementedBy} (by convention, without it: {@code force-close-handles} →
 *       {@code io.handlestck.kit.cases.ForceCloseHandlesCases}), annotated
 *       {@link io.handlestck.kit.CaseId @CaseId("FCH-001")}. The class carries
 *       {@link io.handlestck.kit.HandlesTckCases @HandlesTckCases}.</li>
 *   <li>Make it a {@code @ParameterizedTest(name = CaseNames.VARIANT)} over its variants (file,
 *       directory, share root, depths, name shapes, counts around page sizes); a plain {@code @Test}
 *       only when there is truly no variant. A variant the case acts on by kind is a type, never a
 *       string it parses: {@code Resource}, {@code HandleOperation}, {@code NamedHandles},
 *       {@code PageSizeCount}, {@code NoRecursion}, or an enum of the class's own; its {@code toString}
 *       is the name reports show.</li>
 *   <li>Take {@link io.handlestck.kit.CaseContext CaseContext ctx} as the last parameter and use only it
 *       to reach the target: {@code ctx.newShare()} for a fresh share (deleted afterwards),
 *       {@code ctx.handles().open(HandleRequest.on(share, path))} for handles,
 *       {@code ctx.target().forceClose(...)} / {@code listHandles(...)} for the operations under test.</li>
 *   <li>Judge with assertions (JUnit, Hamcrest through REST Assured, XMLUnit through
 *       {@code ctx.xml()}). A failed assertion becomes FAIL (required, optional) or WARN (recommended).
 *       When an optional feature is absent call {@code ctx.notImplemented(why)}; when the precondition
 *       cannot be made, {@code ctx.couldNotTest(why)}. Never catch an assertion to pass.</li>
 * </ol>
 *
 * <pre>{@code
 * @HandlesTckCases
 * public class ForceCloseHandlesCases {
 *     @CaseId("FCH-001")
 *     @ParameterizedTest(name = CaseNames.VARIANT)
 *     @EnumSource(Resource.class)
 *     void singleIdClosesOnlyThatHandle(Resource resource, CaseContext ctx) {
 *         TestShare share = ctx.newShare();
 *         String path = resource.create(share);
 *         List<OpenedHandle> handles = ctx.handles().open(HandleRequest.on(share.name(), path).count(2));
 *         ForceCloseResult result = ForceCloseResult.of(ctx.target().forceClose(
 *                 ForceCloseCall.on(share.name(), path).handleId(handles.get(0).handleId())));
 *         assertEquals(200, result.status());
 *         assertEquals(1L, result.closed());
 *         assertEquals(HandleState.OPEN, ctx.handles().state(share.name(), handles.get(1).handleId()));
 *     }
 * }
 * }</pre>
 *
 * <p>Running: {@link io.handlestck.kit.run.KitRunner#run} (the CLI and the meta-tests), or the
 * {@code @Suite} classes of {@code io.handlestck.kit.suites} from a user's own build.
 */
package io.handlestck.kit;
