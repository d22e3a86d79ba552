import Vue from 'vue';
import 'azx/themes/light.css';
import App from './App.vue';

// <azx-*> are custom elements, not Vue components.
Vue.config.ignoredElements = [/^azx-/];

new Vue({ render: (h) => h(App) }).$mount('#app');
