import { createApp } from 'vue';
import 'azx/themes/light.css';
import App from './App.vue';

createApp(App).mount('#app');
