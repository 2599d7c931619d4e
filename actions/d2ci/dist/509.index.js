export const id = 509;
export const ids = [509];
export const modules = {

/***/ 25509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/**
 * The action's two steps, loaded on demand: the post step (deleting the Kind cluster) needs none of the main step's
 * code. The root action (actions/d2ci) calls these too, as `@d2ci/image-update-kind/action`.
 */
async function main() {
    const [{ getInputs }, { run }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(952), __webpack_require__.e(482)]).then(__webpack_require__.bind(__webpack_require__, 79482)), Promise.all(/* import() */[__webpack_require__.e(415), __webpack_require__.e(952), __webpack_require__.e(124), __webpack_require__.e(647)]).then(__webpack_require__.bind(__webpack_require__, 4647))]);
    await run(getInputs());
}
async function post() {
    await (await __webpack_require__.e(/* import() */ 817).then(__webpack_require__.bind(__webpack_require__, 98817))).post();
}


/***/ })

};
