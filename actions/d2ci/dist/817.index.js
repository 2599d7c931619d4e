export const id = 817;
export const ids = [817];
export const modules = {

/***/ 98817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80437);

/** Always runs after the job: deletes the Kind cluster the main step created, if it did. */
async function post() {
    const cluster = _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.getState */ .lj.getState('kind_cluster');
    if (!cluster)
        return;
    const { deleteKindCluster } = await Promise.all(/* import() */[__webpack_require__.e(952), __webpack_require__.e(124), __webpack_require__.e(732)]).then(__webpack_require__.bind(__webpack_require__, 39732));
    await deleteKindCluster(cluster, _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.getState */ .lj.getState('kind_path'));
    _d2ci_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runner.info */ .lj.info(`Deleted Kind cluster ${cluster}`);
}


/***/ })

};
